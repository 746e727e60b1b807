package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** A subscriber left a marketing list, or every list when {@code list} is null. */
public record SubscriberUnsubscribed(UUID eventId, String subjectId, String emailIndex, String list, String source,
        Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return emailIndex;
    }
}
