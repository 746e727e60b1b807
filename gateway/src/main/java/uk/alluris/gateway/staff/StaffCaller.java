package uk.alluris.gateway.staff;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import uk.alluris.gateway.tokens.TokenVerifier;

/** The signed-in member of staff calling one of the gateway's own staff endpoints, from their verified token. */
@Component
class StaffCaller {

    private final TokenVerifier verifier;

    StaffCaller(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The verified token of a member of staff (not a client); 401 problem otherwise. */
    Mono<Jwt> of(ServerWebExchange exchange) {
        return TokenVerifier.presented(exchange).map(verifier::verify).orElse(Mono.empty())
                .onErrorResume(invalid -> Mono.empty())
                .filter(jwt -> !roles(jwt).contains("CLIENT"))
                .switchIfEmpty(Mono.error(StaffApiRefused::unauthenticated));
    }

    /** The verified token of an administrator; 401 or 403 problem otherwise. */
    Mono<Jwt> admin(ServerWebExchange exchange) {
        return of(exchange).flatMap(jwt -> roles(jwt).contains(Role.ADMIN.name()) ? Mono.just(jwt)
                : Mono.error(StaffApiRefused.forbidden("only an administrator may manage staff accounts")));
    }

    static List<String> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }
}
