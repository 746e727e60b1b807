package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A restriction ends: normal processing resumes. */
public record RestrictionLifted(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate, Instant occurredAt)
        implements PrivacyRequestEvent {

    public static final String REQUEST_TYPE = "LIFT_RESTRICTION";

    @Override
    public String requestType() {
        return REQUEST_TYPE;
    }
}
