package uk.alluris.records.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules recordsAccess() {
        return rules -> rules
                // clinical records: clinicians, and the privacy officer acting on a request; never reception
                .requestMatchers("/api/records/**").hasAnyRole("CLINICIAN", "PRIVACY_OFFICER");
    }
}
