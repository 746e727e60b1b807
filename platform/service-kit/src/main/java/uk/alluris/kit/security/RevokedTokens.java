package uk.alluris.kit.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deny-list of revoked tokens' ids ({@code jti}), each kept until the token would have expired anyway: after
 * that its expiry refuses it, so the list only ever holds the last token lifetime's sign-outs.
 */
public class RevokedTokens {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevokedTokens(Clock clock) {
        this.clock = clock;
    }

    public void revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        if (tokenId != null && expiresAt != null && expiresAt.isAfter(now)) {
            revoked.merge(tokenId, expiresAt, (a, b) -> a.isAfter(b) ? a : b);
        }
        revoked.values().removeIf(until -> !until.isAfter(now));
    }

    public boolean isRevoked(String tokenId) {
        return tokenId != null && revoked.containsKey(tokenId);
    }

    int size() {
        return revoked.size();
    }
}
