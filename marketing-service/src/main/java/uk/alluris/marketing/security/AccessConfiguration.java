package uk.alluris.marketing.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules marketingAccess() {
        return rules -> rules
                .requestMatchers("/api/marketing/**").hasAnyRole("ADMIN", "PRIVACY_OFFICER");
    }
}
