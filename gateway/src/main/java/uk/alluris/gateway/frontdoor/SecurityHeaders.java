package uk.alluris.gateway.frontdoor;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers on every answer the gateway gives, including those decided before Spring Security's own
 * header writer runs (400 for a non-canonical path, 413, 429) and 404s, fallbacks and errors. HSTS is written here
 * too because TLS ends at the balancer in production, so the gateway itself sees plain HTTP. The referrer is never
 * sent on: links the platform mails carry tokens in their query.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
    static final String REFERRER_POLICY = "no-referrer";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Referrer-Policy", REFERRER_POLICY);
            headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
