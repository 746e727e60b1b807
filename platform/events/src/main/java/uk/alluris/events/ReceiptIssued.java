package uk.alluris.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data-holding service's answer to one privacy request: per data category, what it did. For an access or
 * portability request it also carries {@code sealedExport}: the service's export (gzipped JSON) encrypted to the
 * request's recipient key, base64; {@code null} for every other request.
 * <p>
 * An export too large for one Kafka message (the broker's limit is 1 MB) travels in {@code exportParts}
 * {@link ExportPartIssued} events instead: {@code sealedExport} is then {@code null} and {@code exportDigest} is the
 * SHA-256 (hex) of the whole sealed export, which the parts, joined in order, must match.
 */
public record ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
        List<CategoryOutcome> categories, Instant occurredAt, String sealedExport, Integer exportParts,
        String exportDigest) implements PlatformEvent {

    public ReceiptIssued {
        categories = List.copyOf(categories);
    }

    public ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
            List<CategoryOutcome> categories, Instant occurredAt, String sealedExport) {
        this(eventId, requestId, service, requestType, categories, occurredAt, sealedExport, null, null);
    }

    /** Whether the export travels in parts, to be joined before it is opened. */
    public boolean exportInParts() {
        return exportParts != null && exportParts > 0;
    }

    public ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
            List<CategoryOutcome> categories, Instant occurredAt) {
        this(eventId, requestId, service, requestType, categories, occurredAt, null, null, null);
    }

    @Override
    public String partitionKey() {
        return requestId.toString();
    }
}
