package uk.alluris.booking.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules bookingAccess() {
        return rules -> rules
                .requestMatchers("/api/bookings/**").hasAnyRole("RECEPTION", "CLINICIAN", "CLIENT");
    }
}
