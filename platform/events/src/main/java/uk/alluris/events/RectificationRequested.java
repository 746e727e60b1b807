package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person asked for their details to be corrected. The corrected values are personal data, so they travel only as
 * {@code sealedCorrections}: the corrections JSON encrypted with the platform's privacy-transport key (see the service
 * kit's {@code TransportSeal}); {@code fields} names which ones are corrected ({@code fullName}, {@code email},
 * {@code phone}, {@code dateOfBirth}) and nothing more.
 */
public record RectificationRequested(UUID eventId, UUID requestId, SubjectIdentifiers subject, LocalDate dueDate,
        Instant occurredAt, List<String> fields, String sealedCorrections) implements PrivacyRequestEvent {

    public static final String REQUEST_TYPE = "RECTIFICATION";

    public RectificationRequested {
        fields = List.copyOf(fields);
    }

    @Override
    public String requestType() {
        return REQUEST_TYPE;
    }
}
