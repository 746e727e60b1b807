package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** A person granted consent for one purpose (e.g. {@code marketing.email}) under a policy version. */
public record ConsentGranted(UUID eventId, String subjectId, String emailIndex, String purpose, String channel,
        String policyVersion, Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return subjectId;
    }
}
