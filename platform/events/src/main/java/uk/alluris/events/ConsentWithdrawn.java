package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** A person withdrew consent for one purpose. */
public record ConsentWithdrawn(UUID eventId, String subjectId, String emailIndex, String purpose, String channel,
        String policyVersion, Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return subjectId;
    }
}
