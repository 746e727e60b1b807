package uk.alluris.gateway.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs the platform's access tokens (RS256). Every service verifies them against the JWKS:
 * {@code iss}, {@code aud}, {@code sub}, {@code roles}, and for a client {@code email_index}.
 */
@Component
public class TokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    TokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for {@code subject} with {@code roles}; {@code extraClaims} are added as they are. */
    public Mono<IssuedToken> issue(String subject, Collection<String> roles, Map<String, Object> extraClaims) {
        return keys.active().publishOn(Schedulers.boundedElastic()).map(key -> {
            Instant now = clock.instant();
            Instant expiresAt = now.plus(properties.lifetime());
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(properties.issuer())
                    .audience(List.of(properties.audience()))
                    .subject(subject)
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .id(UUID.randomUUID().toString())
                    .claim("roles", List.copyOf(roles));
            extraClaims.forEach(claims::claim);
            NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            String token = encoder.encode(JwtEncoderParameters.from(
                    JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build(), claims.build()))
                    .getTokenValue();
            return new IssuedToken(token, "Bearer", properties.lifetime().toSeconds(), expiresAt);
        });
    }
}
