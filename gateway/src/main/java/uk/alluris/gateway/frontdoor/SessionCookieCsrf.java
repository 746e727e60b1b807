package uk.alluris.gateway.frontdoor;

import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity.CsrfSpec;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Cross-site request forgery, for the one kind of call a browser can be tricked into making with credentials: a
 * state-changing call (POST, PUT, PATCH, DELETE) that carries the session cookie and no Authorization header. Such a
 * call passes only with an {@code Origin} the platform trusts (the portal's, the gateway's own) or with the
 * double-submit token: the {@code XSRF-TOKEN} cookie's value echoed in an {@code X-XSRF-TOKEN} header, which only a
 * page of our own origin can read. Otherwise 403 problem. Bearer calls, webhooks (signed by their senders) and
 * sign-in itself (which acts with no cookie) are unaffected; a cookie-free anonymous call has nothing to forge.
 */
@Component
class SessionCookieCsrf implements Customizer<CsrfSpec> {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> STATE_CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Set<String> SIGN_IN = Set.of("/auth/login", "/auth/client/code", "/auth/client/token");

    private final Set<String> trustedOrigins;

    SessionCookieCsrf(FrontDoorProperties properties) {
        this.trustedOrigins = properties.trustedOrigins();
    }

    @Override
    public void customize(CsrfSpec csrf) {
        CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.secure(true).sameSite("Strict"));
        csrf.csrfTokenRepository(tokens)
                .csrfTokenRequestHandler(new HeaderOnly())
                .requireCsrfProtectionMatcher(exchange -> needsToken(exchange)
                        ? MatchResult.match() : MatchResult.notMatch())
                // the front door has bounded the body by now (declared within the limit, or read and replayed)
                .accessDeniedHandler((exchange, denied) -> ProblemResponses.afterDraining(exchange,
                        HttpStatus.FORBIDDEN, "Cross-site request refused", "a call made with the session cookie "
                                + "needs the " + HEADER + " header matching the " + COOKIE + " cookie, or an Origin "
                                + "header naming a trusted origin", Optional.empty()));
    }

    boolean needsToken(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (!STATE_CHANGING.contains(request.getMethod()) || !carriesSession(exchange)
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || path.startsWith("/webhooks/") || SIGN_IN.contains(path)) {
            return false;
        }
        String origin = request.getHeaders().getOrigin();
        return origin == null || !trustedOrigins.contains(origin);
    }

    static boolean carriesSession(ServerWebExchange exchange) {
        HttpCookie session = exchange.getRequest().getCookies().getFirst(SessionCookie.NAME);
        return session != null && !session.getValue().isBlank();
    }

    /** The token from the header only: reading a form body to look for it would consume what the service must get. */
    private static final class HeaderOnly extends ServerCsrfTokenRequestAttributeHandler {

        @Override
        public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken expected) {
            return Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(expected.getHeaderName()));
        }
    }
}
