package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** Records destroyed a subject's encryption key: every copy of their clinical data is now unreadable. */
public record SubjectKeyDestroyed(UUID eventId, String subjectId, String reason, Instant occurredAt)
        implements PlatformEvent {

    @Override
    public String partitionKey() {
        return subjectId;
    }
}
