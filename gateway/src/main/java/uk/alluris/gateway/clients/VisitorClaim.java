package uk.alluris.gateway.clients;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.routing.GatewayRoutes;
import uk.alluris.gateway.tokens.IssuedToken;

/**
 * When a client signs in from a browser that carries the cookie banner's visitor cookie, the cookie choices made under
 * that visitor id join the client's consent ledger: the gateway asks consent-service to claim them, with the token it
 * has just issued. Done here, server-side, because only the browser holding the cookie sends it: the visitor id never
 * passes through page code or another party, and it is claimed at the moment the person proves their email. A claim
 * that fails (consent-service down, the id already someone else's) never fails the sign-in; it is logged without the
 * id, and the next sign-in tries again.
 */
@Component
class VisitorClaim {

    static final String VISITOR_COOKIE = "alluris_visitor";
    private static final Pattern VISITOR_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Logger log = LoggerFactory.getLogger(VisitorClaim.class);

    private final WebClient consent;

    VisitorClaim(GatewayRoutes routes) {
        GatewayRoutes.Service service = routes.services().get("consent-service");
        this.consent = WebClient.create(service == null ? "http://127.0.0.1:8083" : service.uri().toString());
    }

    /** Claims the visitor id the request's cookie names, if any; completes once consent-service has answered. */
    Mono<Void> claimFor(ServerHttpRequest request, IssuedToken token) {
        Optional<String> visitorId = Optional.ofNullable(request.getCookies().getFirst(VISITOR_COOKIE))
                .map(HttpCookie::getValue).filter(id -> VISITOR_ID.matcher(id).matches());
        if (visitorId.isEmpty()) {
            return Mono.empty();
        }
        return consent.post().uri("/api/consents/visitors/{id}/claim", visitorId.get())
                .headers(headers -> headers.setBearerAuth(token.accessToken()))
                .retrieve().toBodilessEntity().timeout(Duration.ofSeconds(5))
                .doOnError(e -> log.warn("a visitor's cookie choices were not claimed at sign-in: {}",
                        e.getClass().getSimpleName()))
                .onErrorResume(e -> Mono.empty()).then();
    }
}
