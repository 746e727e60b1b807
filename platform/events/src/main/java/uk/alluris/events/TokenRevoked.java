package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway revoked an access token (its holder signed out): every service refuses the token with this {@code jti}
 * until {@code expiresAt}, after which it is refused for its expiry anyway. Names no person.
 */
public record TokenRevoked(UUID eventId, String tokenId, Instant expiresAt, Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return tokenId;
    }
}
