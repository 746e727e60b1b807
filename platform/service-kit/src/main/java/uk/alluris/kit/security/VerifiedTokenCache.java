package uk.alluris.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token once and remembers the result until the token expires: a dashboard or portal sends the same token
 * with every call for its 15 minutes, and checking its RS256 signature and claims again each time was a third of a
 * service's CPU under load. Only tokens the delegate accepted are kept, keyed by the exact token text; each use
 * checks the expiry again and the deny-list of signed-out tokens, so a revoked token is refused from the moment its
 * revocation arrives even when it was verified before; the cache is bounded (cleared of expired tokens, then emptied,
 * when full). A token without {@code exp} is refused: it would be valid forever.
 */
public class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final RevokedTokens revoked;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder delegate, Clock clock, RevokedTokens revoked) {
        this.delegate = delegate;
        this.clock = clock;
        this.revoked = revoked;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.getExpiresAt())) {
                return notRevoked(known);
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() == null) {
            throw new BadJwtException("the token has no expiry (exp)");
        }
        notRevoked(jwt);
        if (verified.size() >= MAX_TOKENS) {
            verified.values().removeIf(cached -> !now.isBefore(cached.getExpiresAt()));
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
        return jwt;
    }

    private Jwt notRevoked(Jwt jwt) {
        if (revoked.isRevoked(jwt.getId())) {
            throw new BadJwtException("the token was revoked (signed out)");
        }
        return jwt;
    }
}
