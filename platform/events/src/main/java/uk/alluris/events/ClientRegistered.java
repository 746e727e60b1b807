package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** Booking met a person for the first time and minted their subject id. */
public record ClientRegistered(UUID eventId, String subjectId, String emailIndex, String phoneIndex, Instant occurredAt)
        implements PlatformEvent {

    @Override
    public String partitionKey() {
        return subjectId;
    }
}
