package uk.alluris.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token once and remembers the result until the token expires: a dashboard or portal sends the same token
 * with every call for its 15 minutes, and checking its RS256 signature and claims again each time was a third of a
 * service's CPU under load. Only tokens the delegate accepted are kept, keyed by the exact token text; each use
 * checks the expiry again, and the cache is bounded (cleared of expired tokens, then emptied, when full).
 */
public class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null) {
            if (known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(cached -> !now.isBefore(cached.getExpiresAt()));
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
