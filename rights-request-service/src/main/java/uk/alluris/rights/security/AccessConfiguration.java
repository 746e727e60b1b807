package uk.alluris.rights.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import uk.alluris.kit.security.AccessRules;

/** Who may call this service's API; enforced here, whether the call came through the gateway or not. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules rightsAccess() {
        return rules -> rules
                // anyone may file a request and prove their address; the rest is the officer's or the requester's
                .requestMatchers(HttpMethod.POST, "/api/privacy/requests", "/api/privacy/requests/*/verification").permitAll()
                // a bundle is downloaded without a sign-in, with the request's own token; the controller checks it
                // (or lets the privacy officer through on the requester's behalf)
                .requestMatchers(HttpMethod.GET, "/api/privacy/requests/*/bundle").permitAll()
                // a requester without an account follows their request with its follow token; the controller checks it
                .requestMatchers(HttpMethod.GET, "/api/privacy/requests/*/progress").permitAll()
                // the register of processing: public, no personal data (rate-limited at the gateway)
                .requestMatchers(HttpMethod.GET, "/api/privacy/register").permitAll()
                // dead letters and their redrive: the officer's alone, decided before any body is read
                .requestMatchers("/api/privacy/dead-letters", "/api/privacy/dead-letters/**").hasRole("PRIVACY_OFFICER")
                // the disclosure log: the privacy officer's and administrators' alone
                .requestMatchers("/api/privacy/disclosures", "/api/privacy/disclosures/**")
                        .hasAnyRole("PRIVACY_OFFICER", "ADMIN")
                // a client makes and lists their own complaints; staff also read, assign and answer them
                .requestMatchers("/api/privacy/complaints").hasAnyRole("PRIVACY_OFFICER", "ADMIN", "CLIENT")
                .requestMatchers("/api/privacy/complaints/**").hasAnyRole("PRIVACY_OFFICER", "ADMIN")
                .requestMatchers("/api/privacy/**").hasAnyRole("PRIVACY_OFFICER", "CLIENT");
    }
}
