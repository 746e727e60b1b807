package uk.alluris.gateway.frontdoor;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Hands a browser the {@code XSRF-TOKEN} cookie it will need: with the answer that sets the session cookie (sign-in)
 * and with any answer to a request that carries one but has no token yet. Spring Security creates the token lazily,
 * only when asked for, so this asks for it just before the answer is committed. Bearer and anonymous callers get
 * no cookie.
 */
@Component
class CsrfCookieIssuing implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        // after Spring Security's chain (-100) has put the token on the exchange
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token != null && (SessionCookieCsrf.carriesSession(exchange) || setsSession(exchange))
                    ? token.then() : Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static boolean setsSession(ServerWebExchange exchange) {
        return exchange.getResponse().getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .anyMatch(cookie -> cookie.startsWith(SessionCookie.NAME + "=") && !cookie.startsWith(SessionCookie.NAME + "=;"));
    }
}
