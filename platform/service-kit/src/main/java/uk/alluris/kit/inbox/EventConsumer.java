package uk.alluris.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;

/**
 * One binding's consumer of platform events, typed: each handled event type is read into its record and handed to its
 * handler, once per {@linkplain #key() consumer key}. Every service consumes events this way, so every consumer keeps
 * the same policy (docs/architecture.md, "Consuming events"):
 * <ul>
 * <li>a handled type is read and handled once: a redelivered message (same CloudEvents id) is skipped;</li>
 * <li>a catalogued type this consumer does not handle is passed over without a word: topics carry several types and
 * each consumer takes the ones it needs;</li>
 * <li>a type the catalogue does not know (a newer producer, a stray message) is skipped, logged at WARN once per type,
 * and counted in {@value #UNKNOWN_METRIC} (tags {@code consumer}, {@code type}), so the partition moves on and
 * operators see it;</li>
 * <li>a message without a {@code ce_type}, or a handled type whose body cannot be read, throws: the binder retries it
 * and then parks it in the group's dead-letter topic.</li>
 * </ul>
 */
public final class EventConsumer implements Consumer<Message<byte[]>> {

    /** Counts messages skipped because their type is not in the event catalogue. */
    public static final String UNKNOWN_METRIC = "alluris.events.unknown";
    /** Distinct unknown types named in logs and tags per consumer; more are counted as {@code other}. */
    static final int NAMED_UNKNOWN_TYPES = 20;
    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    /** Runs a handler unless this consumer key has handled the message already (production: the inbox). */
    @FunctionalInterface
    public interface Once {
        boolean handleOnce(String consumerKey, Message<?> message, Runnable handler);
    }

    /** Runs the handling of a message inside the producer's trace (production: {@link ProducerTraces}). */
    @FunctionalInterface
    public interface Tracing {
        Tracing NONE = (message, handling) -> handling.run();

        void within(Message<?> message, Runnable handling);
    }

    private final String key;
    private final Map<String, Consumer<Message<byte[]>>> handlers;
    private final Once once;
    private final MeterRegistry meters;
    private final Tracing tracing;
    private final Set<String> unknownSeen = ConcurrentHashMap.newKeySet();

    private EventConsumer(String key, Map<String, Consumer<Message<byte[]>>> handlers, Once once, MeterRegistry meters,
            Tracing tracing) {
        this.key = key;
        this.handlers = Map.copyOf(handlers);
        this.once = once;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** A consumer whose processed messages are remembered under {@code key}: {@code <group>/<binding function>}. */
    public static Builder keyed(String key, Once once, MeterRegistry meters) {
        return keyed(key, once, meters, Tracing.NONE);
    }

    /** As {@link #keyed(String, Once, MeterRegistry)}, each message handled inside the trace its producer sent. */
    public static Builder keyed(String key, Once once, MeterRegistry meters, Tracing tracing) {
        return new Builder(key, once, meters, tracing);
    }

    @Override
    public void accept(Message<byte[]> message) {
        tracing.within(message, () -> handle(message));
    }

    private void handle(Message<byte[]> message) {
        String type = CloudEvents.type(message);
        Consumer<Message<byte[]>> handler = handlers.get(type);
        if (handler != null) {
            once.handleOnce(key, message, () -> handler.accept(message));
        } else if (EventType.ofCloudEventType(type).isEmpty()) {
            skipUnknown(type);
        }
    }

    /** Under what processed messages are remembered: the consumer group, a slash, the binding's function name. */
    public String key() {
        return key;
    }

    /** The CloudEvents types this consumer handles. */
    public Set<String> handledTypes() {
        return handlers.keySet();
    }

    private void skipUnknown(String type) {
        boolean first = unknownSeen.size() < NAMED_UNKNOWN_TYPES && unknownSeen.add(type);
        if (first) {
            log.warn("{}: skipping events of unknown type {} (not in the event catalogue); counted in {}", key, type,
                    UNKNOWN_METRIC);
        }
        meters.counter(UNKNOWN_METRIC, "consumer", key, "type", unknownSeen.contains(type) ? type : "other")
                .increment();
    }

    /** Collects the handlers, one per event type. */
    public static final class Builder {

        private final String key;
        private final Once once;
        private final MeterRegistry meters;
        private final Tracing tracing;
        private final Map<String, Consumer<Message<byte[]>>> handlers = new LinkedHashMap<>();

        private Builder(String key, Once once, MeterRegistry meters, Tracing tracing) {
            this.key = key;
            this.once = once;
            this.meters = meters;
            this.tracing = tracing;
        }

        /** Hands every event of this type to {@code handler}; a type may be handled once per consumer. */
        public <E extends PlatformEvent> Builder on(Class<E> eventClass, Consumer<? super E> handler) {
            EventType type = EventType.of(eventClass);
            Consumer<Message<byte[]>> reading = message -> handler
                    .accept(eventClass.cast(EventJson.read(message.getPayload(), type)));
            if (handlers.putIfAbsent(type.cloudEventType(), reading) != null) {
                throw new IllegalStateException(key + " handles " + type + " twice");
            }
            return this;
        }

        public EventConsumer build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException(key + " handles no event type");
            }
            return new EventConsumer(key, handlers, once, meters, tracing);
        }
    }
}
