package uk.alluris.booking.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    private static final String[] CATALOGUE = { "/api/bookings/treatments", "/api/bookings/treatments/*",
        "/api/bookings/practitioners", "/api/bookings/practitioners/*", "/api/bookings/closures",
        "/api/bookings/closures/*" };

    @Bean
    AccessRules bookingAccess() {
        return rules -> rules
                // the catalogue: read by anyone signed in (the portal books from it), changed by ADMIN only
                .requestMatchers(HttpMethod.GET, CATALOGUE).authenticated()
                // correcting a client's details at the desk; a client's own go through a rectification request
                .requestMatchers("/api/bookings/clients/*/corrections").hasRole("RECEPTION")
                .requestMatchers("/api/bookings/payments/*/status").hasAnyRole("RECEPTION", "CLINICIAN")
                .requestMatchers(CATALOGUE).hasRole("ADMIN")
                // staff's own work: the diary, age evidence, marking a visit done or missed
                .requestMatchers("/api/bookings/diary", "/api/bookings/clients/*/age-checks",
                        "/api/bookings/appointments/*/no-show", "/api/bookings/appointments/*/completion")
                .hasAnyRole("RECEPTION", "CLINICIAN")
                .requestMatchers("/api/bookings/**").hasAnyRole("RECEPTION", "CLINICIAN", "CLIENT");
    }
}
