package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person asked to be erased. */
public record ErasureRequested(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate, Instant occurredAt)
        implements PrivacyRequestEvent {

    public static final String REQUEST_TYPE = "ERASURE";

    @Override
    public String requestType() {
        return REQUEST_TYPE;
    }
}
