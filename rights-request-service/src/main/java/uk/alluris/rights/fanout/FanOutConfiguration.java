package uk.alluris.rights.fanout;

import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import uk.alluris.kit.secrets.Keysets;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.deadline.StatutoryDeadlines;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RightsProperties.class)
class FanOutConfiguration {

    /** Receipts from every data-holding service, bound to {@code privacy.receipts} in application.yml. */
    @Bean
    Consumer<Message<byte[]>> privacyReceipts(ReceiptRecording recording) {
        return recording::on;
    }

    @Bean
    StatutoryDeadlines statutoryDeadlines(RightsProperties properties) {
        return new StatutoryDeadlines(properties.bankHolidays());
    }

    @Bean
    ContactSeal contactSeal(RightsProperties properties, Keysets keysets) {
        return new ContactSeal(keysets.aead("ALLURIS_RIGHTS_CONTACT_KEYSET", properties.contactKeyset()));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
