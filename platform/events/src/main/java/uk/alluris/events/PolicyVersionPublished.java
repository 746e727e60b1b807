package uk.alluris.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The privacy office published a new version of the privacy policy, in force from {@code effectiveFrom}. A
 * {@code material} change is one people must be told of: each service that holds people's addresses mails its own
 * people. Carries no personal data; the policy's text is read from consent-service, which owns the versions.
 */
public record PolicyVersionPublished(UUID eventId, String version, LocalDate effectiveFrom, boolean material,
        String summary, Instant occurredAt) implements PlatformEvent {

    @Override
    public String partitionKey() {
        return version;
    }
}
