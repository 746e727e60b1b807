package uk.alluris.kit.security;

import java.time.Instant;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

/** Rules every verifier of the platform's tokens applies on top of signature, issuer and audience. */
public final class TokenRules {

    private TokenRules() {
    }

    /**
     * A token must say when it expires: Spring's timestamp check only looks at {@code exp} when it is there, and a
     * token without one would stay valid for ever (and could not be dropped from a deny-list).
     */
    public static OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }
}
