package uk.alluris.gateway.frontdoor;

import java.time.Duration;
import java.util.List;
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
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The gateway authenticates no API call itself: each service verifies the token and enforces its roles, so a request
 * that bypasses the gateway meets the same checks. Here: security headers, CORS for the portal only, no CSRF
 * tokens (the API takes bearer tokens; the dashboard's cookie is SameSite=Strict).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ FrontDoorProperties.class })
class FrontDoorSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Bean
    SecurityWebFilterChain frontDoor(ServerHttpSecurity http, CorsConfigurationSource portalOnly) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .cors(cors -> cors.configurationSource(portalOnly))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        // written by strictTransportSecurity below, also behind a TLS-terminating balancer
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /** HSTS on every answer: TLS ends at the balancer in production, so the gateway itself sees plain HTTP. */
    @Bean
    WebFilter strictTransportSecurity() {
        return (exchange, chain) -> {
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
                return Mono.empty();
            });
            return chain.filter(exchange);
        };
    }

    @Bean
    CorsConfigurationSource portalOnly(FrontDoorProperties properties) {
        CorsConfiguration portal = new CorsConfiguration();
        if (properties.portalOrigin() != null && !properties.portalOrigin().isBlank()) {
            portal.setAllowedOrigins(List.of(properties.portalOrigin()));
        }
        portal.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        portal.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "traceparent"));
        portal.setAllowCredentials(true);
        portal.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", portal);
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
