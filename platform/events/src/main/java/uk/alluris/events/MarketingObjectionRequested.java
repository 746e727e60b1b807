package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person objected to marketing, or opted out of it. */
public record MarketingObjectionRequested(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate, Instant occurredAt)
        implements PrivacyRequestEvent {

    public static final String REQUEST_TYPE = "OBJECTION_TO_MARKETING";

    @Override
    public String requestType() {
        return REQUEST_TYPE;
    }
}
