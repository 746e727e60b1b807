package uk.alluris.gateway.tokens;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.alluris.kit.security.RevokedTokens;
import uk.alluris.kit.security.TokenRules;

/**
 * Verifies the platform's tokens for the gateway's own endpoints (sign-out, staff administration) by the same rules
 * every service applies: signature by one of our keys, issuer, audience, an expiry that has not passed, not revoked.
 */
@Component
public class TokenVerifier {

    /** The dashboard's session cookie; the same name the front door's session cookie uses. */
    static final String SESSION_COOKIE = "ALLURIS_SESSION";

    private final NimbusReactiveJwtDecoder decoder;
    private final RevokedTokens revoked;

    TokenVerifier(SigningKeys keys, TokenProperties properties, RevokedTokens revoked) {
        this.revoked = revoked;
        this.decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> keys.publicKeys().flatMapMany(set -> Flux.fromIterable(set.getKeys())))
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), TokenRules.expiryRequired(),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
    }

    /** The verified token, or an error when it is not one this platform accepts. */
    public Mono<Jwt> verify(String token) {
        return decoder.decode(token).flatMap(jwt -> revoked.isRevoked(jwt.getId())
                ? Mono.error(new BadJwtException("the token was revoked (signed out)"))
                : Mono.just(jwt));
    }

    /** The caller's token: the bearer token, or else the dashboard's session cookie. */
    public static Optional<String> presented(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip()).filter(t -> !t.isEmpty());
        }
        HttpCookie session = exchange.getRequest().getCookies().getFirst(SESSION_COOKIE);
        return Optional.ofNullable(session).map(HttpCookie::getValue).filter(t -> !t.isBlank());
    }
}
