package uk.alluris.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.MimeTypeUtils;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.messaging.TraceParent;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is written in the same document update as
 * the state change that caused it, so neither can exist without the other (no multi-document transactions needed).
 * {@code messageId} is the event's own id and becomes its CloudEvents id, so a repeat is recognisably the same event.
 * {@code traceparent} is the W3C trace context of the work that caused the event (null when there was none, and in
 * entries written before it was kept): the relay sends the event later, on a thread of its own, so the trace is
 * taken here and travels with the event, and the consumer's log lines carry the producer's trace id.
 */
public record OutboxMessage(String messageId, String topic, String key, String type, String payload, Instant occurredAt,
        String traceparent) {

    public static OutboxMessage of(PlatformEvent event) {
        EventType type = EventType.of(event);
        return new OutboxMessage(event.eventId().toString(), type.topic(), event.partitionKey(), type.cloudEventType(),
                EventJson.write(event), event.occurredAt(), TraceParent.current());
    }

    /**
     * The Kafka message this entry becomes, in the CloudEvents binary mode; {@code source} names the producing service.
     * It lives here, not in messaging, so that messaging (reading events) never depends on the outbox.
     */
    public Message<byte[]> toMessage(String source) {
        CloudEventMessageBuilder<byte[]> message = CloudEventMessageBuilder.withData(payload.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            // the W3C header tracing tools read, and the CloudEvents distributed-tracing extension attribute
            message.setHeader(TraceParent.HEADER, traceparent).setHeader(CloudEvents.TRACEPARENT, traceparent);
        }
        return message
                .setId(messageId)
                .setSource(source)
                .setType(type)
                .setSpecVersion(CloudEvents.SPEC_VERSION)
                .setSubject(key)
                .setTime(occurredAt.atOffset(ZoneOffset.UTC))
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaHeaders.KEY, key.getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
    }
}
