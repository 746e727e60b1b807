package uk.alluris.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.PlatformEvent;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.RestrictionLifted;
import uk.alluris.events.RestrictionRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.EventType;

/**
 * Plays the rights-request service on the real broker: publishes privacy requests onto {@code privacy.requests} as
 * CloudEvents, and reads the receipts services send back on {@code privacy.receipts}. In a test class:
 * {@code @RegisterExtension static final PrivacyRequestProbe probe = new PrivacyRequestProbe();} (closed after all).
 */
public final class PrivacyRequestProbe implements AutoCloseable, AfterAllCallback {

    /** As the kit's EventJson (which this module cannot depend on: the kit's own tests use this module). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final String bootstrapServers;
    private final KafkaProducer<byte[], byte[]> producer;

    public PrivacyRequestProbe() {
        this(EmbeddedInfrastructure.get().kafkaBootstrapServers());
    }

    public PrivacyRequestProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static PrivacyRequestEvent request(String type, UUID requestId, SubjectIdentifiers subject) {
        UUID eventId = UUID.randomUUID();
        LocalDate due = LocalDate.now().plusMonths(1);
        Instant now = Instant.now();
        return switch (type) {
            case ErasureRequested.REQUEST_TYPE -> new ErasureRequested(eventId, requestId, subject, due, now);
            case RestrictionRequested.REQUEST_TYPE -> new RestrictionRequested(eventId, requestId, subject, due, now);
            case RestrictionLifted.REQUEST_TYPE -> new RestrictionLifted(eventId, requestId, subject, due, now);
            case MarketingObjectionRequested.REQUEST_TYPE -> new MarketingObjectionRequested(eventId, requestId, subject, due, now);
            default -> throw new IllegalArgumentException(type);
        };
    }

    /**
     * Publishes the event on its catalogued topic as its producer's outbox relay would (a privacy request as the
     * rights-request service, a consent or marketing event as those services). Returns its CloudEvents id.
     */
    public String publish(PlatformEvent event) {
        return publish(event, EventType.of(event).topic());
    }

    /**
     * Parks the event on a dead-letter topic as the Kafka binder does after a consumer's last failed attempt: the
     * event as its producer sent it, with the binder's {@code x-original-topic} and {@code x-exception-message}.
     */
    public String parkAsDeadLetter(PlatformEvent event, String deadLetterTopic, String reason) {
        return publish(event, deadLetterTopic, "x-original-topic", EventType.of(event).topic(),
                "x-exception-message", reason);
    }

    private String publish(PlatformEvent event, String topic, String... extraHeaders) {
        EventType type = EventType.of(event);
        String id = event.eventId().toString();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(event.partitionKey()),
                JSON.writeValueAsBytes(event));
        record.headers().add("ce_id", bytes(id)).add("ce_type", bytes(type.cloudEventType()))
                .add("ce_source", bytes("/alluris/" + producerOf(type))).add("ce_specversion", bytes("1.0"))
                .add("ce_subject", bytes(event.partitionKey())).add("ce_time", bytes(event.occurredAt().toString()));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            record.headers().add(extraHeaders[i], bytes(extraHeaders[i + 1]));
        }
        send(record);
        return id;
    }

    private static String producerOf(EventType type) {
        return switch (type.topic()) {
            case Topics.PRIVACY_REQUESTS -> "rights-request-service";
            case Topics.CONSENT_EVENTS -> "consent-service";
            case Topics.MARKETING_EVENTS -> "marketing-service";
            case Topics.BOOKING_EVENTS -> "booking-service";
            case Topics.RECORDS_EVENTS -> "records-service";
            default -> "test";
        };
    }

    /** Publishes bytes no consumer can read, with the given headers' CloudEvents type (or none). */
    public void publishRaw(String topic, String key, String body, String ceType) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), bytes(body));
        record.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
        if (ceType != null) {
            record.headers().add("ce_type", bytes(ceType));
        }
        send(record);
    }

    /** Every receipt {@code service} has sent for the request, waiting until there are at least {@code atLeast}. */
    public List<ReceiptIssued> receipts(UUID requestId, String service, int atLeast, Duration within) {
        List<ReceiptIssued> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records(Topics.PRIVACY_RECEIPTS, within, atLeast,
                r -> header(r, "ce_type").filter(EventType.RECEIPT_ISSUED.cloudEventType()::equals).isPresent()
                        && new String(r.value(), StandardCharsets.UTF_8).contains(requestId.toString()))) {
            ReceiptIssued receipt = JSON.readValue(record.value(), ReceiptIssued.class);
            if (receipt.service().equals(service)) {
                found.add(receipt);
            }
        }
        return found;
    }

    /**
     * The sealed export a receipt carries: inline, or joined from the {@link ExportPartIssued} events it names (an
     * export too large for one message), checked against the receipt's digest.
     */
    public String sealedExport(ReceiptIssued receipt) {
        if (!receipt.exportInParts()) {
            return receipt.sealedExport();
        }
        String[] parts = new String[receipt.exportParts()];
        for (ConsumerRecord<byte[], byte[]> record : records(Topics.PRIVACY_RECEIPTS, Duration.ofSeconds(30),
                receipt.exportParts(), r -> header(r, "ce_type")
                        .filter(EventType.EXPORT_PART_ISSUED.cloudEventType()::equals).isPresent()
                        && new String(r.value(), StandardCharsets.UTF_8).contains(receipt.exportDigest()))) {
            ExportPartIssued part = JSON.readValue(record.value(), ExportPartIssued.class);
            parts[part.part()] = part.sealedData();
        }
        return String.join("", parts);
    }

    public ReceiptIssued receipt(UUID requestId, String service) {
        return receipts(requestId, service, 1, Duration.ofSeconds(30)).get(0);
    }

    /** Records on {@code topic} (from the beginning) that {@code match}, once at least {@code atLeast} are there. */
    public List<ConsumerRecord<byte[], byte[]>> records(String topic, Duration within, int atLeast,
            java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> match) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(within);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
            if (found.size() < atLeast) {
                throw new AssertionError("expected at least " + atLeast + " matching records on " + topic + " within "
                        + within + ", found " + found.size());
            }
            return found;
        }
    }

    /** Every record on {@code topic} up to its end as it is now, from the first. */
    public List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(250)).forEach(found::add);
            }
            return found;
        }
    }

    public static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        return Optional.ofNullable(record.headers().lastHeader(name)).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        producer.close();
    }
}
