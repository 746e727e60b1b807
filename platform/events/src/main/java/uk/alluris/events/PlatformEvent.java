package uk.alluris.events;

import java.time.Instant;
import java.util.UUID;

/** What every event carries: its own id, the time it happened, and the key that keeps one person's events in order. */
public interface PlatformEvent {

    UUID eventId();

    Instant occurredAt();

    /** The Kafka record key: a subject id, a blind index or, for receipts, the request id. */
    String partitionKey();
}
