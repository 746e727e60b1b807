package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A person asked for a copy of their data ({@code ACCESS}) or for it in a machine-readable form to take elsewhere
 * ({@code PORTABILITY}). Each data-holding service answers with a receipt carrying its export, encrypted to
 * {@code recipientKey}: a Tink hybrid (HPKE) public keyset in Tink's JSON keyset format, minted for this one request.
 * Only the rights-request service holds the private half, and destroys it when the bundle expires.
 */
public record DataExportRequested(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate,
        Instant occurredAt, String requestType, String recipientKey) implements PrivacyRequestEvent {

    public static final String ACCESS = "ACCESS";
    public static final String PORTABILITY = "PORTABILITY";

    public DataExportRequested {
        if (!ACCESS.equals(requestType) && !PORTABILITY.equals(requestType)) {
            throw new IllegalArgumentException("an export is for ACCESS or PORTABILITY, not " + requestType);
        }
        Objects.requireNonNull(recipientKey, "recipientKey");
    }
}
