package uk.alluris.marketing.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import uk.alluris.kit.security.AccessRules;

/**
 * Who may call this service's API; enforced here, whether the call came through the gateway or not. The public may
 * sign up, confirm a sign-up and unsubscribe (each link carries its own signed token); only ADMIN sends a campaign (or
 * counts its audience); the leads inbox and making a lead a client are reception's work as well as ADMIN's; a
 * signed-in CLIENT reads and leaves their own subscriptions; everything else is for ADMIN and PRIVACY_OFFICER. The
 * webhooks are public at the service and checked by their
 * senders' signatures.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessRules marketingAccess() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/marketing/subscriptions").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/marketing/subscriptions/confirm").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/marketing/subscriptions/confirm").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/marketing/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/marketing/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/marketing/campaigns", "/api/marketing/campaigns/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/marketing/campaigns/audience").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/api/marketing/leads/stats", "/api/marketing/leads/partners")
                .hasAnyRole("ADMIN", "PRIVACY_OFFICER")
                .requestMatchers(HttpMethod.GET, "/api/marketing/leads", "/api/marketing/leads/*").hasAnyRole("ADMIN", "RECEPTION")
                .requestMatchers(HttpMethod.POST, "/api/marketing/leads/*/conversion").hasAnyRole("ADMIN", "RECEPTION")
                // a signed-in client's own lists and channels, and leaving everything (the portal)
                .requestMatchers("/api/marketing/me", "/api/marketing/me/**").hasRole("CLIENT")
                .requestMatchers("/api/marketing/**").hasAnyRole("ADMIN", "PRIVACY_OFFICER");
    }
}
