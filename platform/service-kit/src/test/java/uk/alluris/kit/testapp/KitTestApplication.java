package uk.alluris.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.alluris.kit.security.AccessRules;

/** A minimal service on the kit, to prove its auto-configuration end to end. */
@SpringBootApplication
@EnableScheduling
public class KitTestApplication {

    @Bean
    AccessRules openRecipients() {
        return rules -> rules.requestMatchers("/recipients/**", "/parcels/**", "/decisions", "/boom", "/numbers", "/diary", "/slots").permitAll();
    }
}
