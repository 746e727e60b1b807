package uk.alluris.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A data-holding service's answer to one privacy request: per data category, what it did. */
public record ReceiptIssued(UUID eventId, UUID requestId, String service, String requestType,
        List<CategoryOutcome> categories, Instant occurredAt) implements PlatformEvent {

    public ReceiptIssued {
        categories = List.copyOf(categories);
    }

    @Override
    public String partitionKey() {
        return requestId.toString();
    }
}
