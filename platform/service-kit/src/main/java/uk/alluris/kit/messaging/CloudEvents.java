package uk.alluris.kit.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;

/**
 * Kafka messages in the CloudEvents binary mode: attributes as {@code ce_*} headers, the event as a JSON body, the
 * record key as the subject id or blind index (so one person's events stay in order).
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    /** Header names of the CloudEvents Kafka protocol binding, as they appear on the record. */
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    /** The distributed-tracing extension attribute: the producer's W3C trace context ({@link TraceParent}). */
    public static final String TRACEPARENT = "ce_traceparent";

    private CloudEvents() {
    }

    /** Reads a received message back into its event, by its {@code ce_type}. */
    public static PlatformEvent read(Message<byte[]> message) {
        String ceType = header(message, TYPE);
        EventType type = EventType.ofCloudEventType(ceType).orElseThrow(() -> new UnknownEventType(ceType));
        return EventJson.read(message.getPayload(), type);
    }

    /**
     * The {@code ce_type} of a received message, for a consumer that passes over types it does not handle before
     * reading the body. A message without one cannot be told apart: {@link UnknownEventType}.
     */
    public static String type(Message<?> message) {
        return header(message, TYPE);
    }

    /** The {@code ce_id} of a received message: what idempotent consumers remember. */
    public static String id(Message<?> message) {
        return header(message, ID);
    }

    /**
     * A CloudEvents attribute header. Spring Cloud Function may hand a consumer the attributes under the canonical
     * {@code ce-} prefix rather than the Kafka binding's {@code ce_}; both are read.
     */
    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null) {
            value = message.getHeaders().get(CloudEventMessageUtils.DEFAULT_ATTR_PREFIX + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value == null) {
            throw new UnknownEventType("no " + name + " header");
        }
        return value.toString();
    }
}
