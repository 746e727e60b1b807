package uk.alluris.gateway.frontdoor;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway authenticates no API call itself: each service verifies the token and enforces its roles, so a request
 * that bypasses the gateway meets the same checks. Here: security headers, CORS for the portal (and, for the cookie banner's
 * anonymous choice only, the clinic's website), and CSRF for
 * calls made with the dashboard's session cookie alone (see {@link SessionCookieCsrf}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FrontDoorProperties.class })
class FrontDoorSecurity {

    @Bean
    SecurityWebFilterChain frontDoor(ServerHttpSecurity http, CorsConfigurationSource portalOnly,
            SessionCookieCsrf sessionCookieCsrf) {
        return http
                .csrf(sessionCookieCsrf)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(cors -> cors.configurationSource(portalOnly))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        // written by SecurityHeaders on every answer, also behind a TLS-terminating balancer
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    CorsConfigurationSource portalOnly(FrontDoorProperties properties) {
        CorsConfiguration portal = new CorsConfiguration();
        // the portal, and the gateway's own public origin (seen as cross-origin when TLS ends at a balancer)
        portal.setAllowedOrigins(List.copyOf(properties.trustedOrigins()));
        portal.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        portal.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "traceparent",
                SessionCookieCsrf.HEADER));
        portal.setAllowCredentials(true);
        portal.setMaxAge(Duration.ofHours(1));
        // the cookie banner runs on the clinic's website (another origin) and sends an anonymous choice: no cookies
        CorsConfiguration website = new CorsConfiguration();
        website.setAllowedOrigins(properties.bannerOrigins());
        website.setAllowedMethods(List.of("POST"));
        website.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE));
        website.setAllowCredentials(false);
        website.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/consents/visitors/*/decisions", website);
        source.registerCorsConfiguration("/**", portal);
        return source;
    }

    /**
     * BCrypt at its usual cost (10) unless {@code alluris.staff.password-hash-strength} says otherwise: the gateway's
     * tests lower it (src/test/resources), because their hundreds of sign-ins spent most of the module's time hashing.
     * A stored hash carries its own cost, so any hash verifies whatever the setting.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${alluris.staff.password-hash-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }
}
