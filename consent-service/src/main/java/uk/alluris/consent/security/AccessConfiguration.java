package uk.alluris.consent.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules consentAccess() {
        return rules -> rules
                // the cookie banner and its demo page, fetched by any website visitor
                .requestMatchers(HttpMethod.GET, "/consent/**").permitAll()
                // a visitor's cookie choice: anonymous by nature (limits: the gateway's rate limit, a 2 KB body)
                .requestMatchers(HttpMethod.POST, "/api/consents/visitors/*/decisions").permitAll()
                // joining a visitor id's choices to a ledger: only the signed-in client, for themselves
                .requestMatchers(HttpMethod.POST, "/api/consents/visitors/*/claim").hasRole("CLIENT")
                .requestMatchers("/api/consents/visitors/**").denyAll()
                // the privacy policy's versions are public; only the privacy office publishes one
                .requestMatchers(HttpMethod.GET, "/api/consents/policy-versions", "/api/consents/policy-versions/**")
                .permitAll()
                .requestMatchers("/api/consents/policy-versions", "/api/consents/policy-versions/**")
                .hasAnyRole("PRIVACY_OFFICER", "ADMIN")
                .requestMatchers("/api/consents/**")
                .hasAnyRole("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN", "CLIENT");
    }
}
