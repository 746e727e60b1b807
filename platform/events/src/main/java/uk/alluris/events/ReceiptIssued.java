package uk.alluris.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A data-holding service's answer to one privacy request: per data category, what it did. For an access or
 * portability request it also carries {@code sealedExport}: the service's export (gzipped JSON) encrypted to the
 * request's recipient key, base64; {@code null} for every other request.
 */
public record ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
        List<CategoryOutcome> categories, Instant occurredAt, String sealedExport) implements PlatformEvent {

    public ReceiptIssued {
        categories = List.copyOf(categories);
    }

    public ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
            List<CategoryOutcome> categories, Instant occurredAt) {
        this(eventId, requestId, service, requestType, categories, occurredAt, null);
    }

    @Override
    public String partitionKey() {
        return requestId.toString();
    }
}
