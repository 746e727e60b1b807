package uk.alluris.kit.outbox;

import java.time.Instant;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.messaging.EventJson;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written in the same document update as
 * the state change that caused it, so neither can exist without the other (no multi-document transactions needed).
 * {@code messageId} is the event's own id and becomes its CloudEvents id, so a repeat is recognisably the same event.
 */
public record OutboxMessage(String messageId, String topic, String key, String type, String payload, Instant occurredAt) {

    public static OutboxMessage of(PlatformEvent event) {
        EventType type = EventType.of(event);
        return new OutboxMessage(event.eventId().toString(), type.topic(), event.partitionKey(), type.cloudEventType(),
                EventJson.write(event), event.occurredAt());
    }
}
