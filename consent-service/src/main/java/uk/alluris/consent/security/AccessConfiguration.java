package uk.alluris.consent.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules consentAccess() {
        return rules -> rules
                .requestMatchers("/api/consents/**")
                .hasAnyRole("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN", "CLIENT");
    }
}
