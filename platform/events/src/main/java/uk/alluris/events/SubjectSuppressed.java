package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** Blind indexes added to the suppression list: never market to them again, not even from a new lead. */
public record SubjectSuppressed(UUID eventId, SubjectIdentifiers subject, String reason, Instant occurredAt)
        implements PlatformEvent {

    @Override
    public String partitionKey() {
        return subject.partitionKey();
    }
}
