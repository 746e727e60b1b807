package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person asked that processing of their data be restricted. */
public record RestrictionRequested(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate, Instant occurredAt)
        implements PrivacyRequestEvent {

    public static final String REQUEST_TYPE = "RESTRICTION";

    @Override
    public String requestType() {
        return REQUEST_TYPE;
    }
}
