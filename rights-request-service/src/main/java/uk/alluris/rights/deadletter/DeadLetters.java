package uk.alluris.rights.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.problem.ProblemException;

/**
 * What no consumer could handle, across the platform: every consumer group's dead-letter topic
 * ({@code error.<topic>.<group>}), how many messages it holds and the latest few — their CloudEvents type and id,
 * when they were parked and why — so that staff see them. Bodies are not shown: they stay on the topic.
 */
@Service
public class DeadLetters {

    static final String PREFIX = "error.";
    static final int LATEST = 5;
    /** The Kafka binder's header naming the topic a parked message was consumed from. */
    static final String ORIGINAL_TOPIC = "x-original-topic";

    /**
     * One parked message, without its body; {@code partition} and {@code offset} name it for a redrive, and
     * {@code originalTopic} is where it goes back to.
     */
    public record Parked(
            @Schema(description = "When it was parked (ISO 8601, UTC)", example = "2026-12-03T10:58:21Z")
            Instant parkedAt,
            @Schema(description = "Its CloudEvents type (ce_type); null if it had none",
                    example = "uk.alluris.privacy.ReceiptIssued.v1") String ceType,
            @Schema(description = "Its CloudEvents id (ce_id); null if it had none",
                    example = "b1e7c4a9-6d2f-4a83-9e5b-0c3f8d2a7164") String ceId,
            @Schema(description = "Why it could not be handled: the exception's message, at most 200 characters",
                    example = "receipt names a request that does not exist") String reason,
            @Schema(description = "Its partition on the dead-letter topic, from 0", example = "0") int partition,
            @Schema(description = "Its offset in that partition, from 0", example = "42") long offset,
            @Schema(description = "The topic it came from, where a redrive sends it; null if not recorded",
                    example = "privacy.receipts") String originalTopic) {
    }

    /** One dead-letter topic: the consumer group and topic it belongs to, its size, its latest messages. */
    public record Topic(@Schema(description = "The dead-letter topic: error.<topic>.<consumer group>",
            example = "error.privacy.receipts.rights-request-service") String name,
            @Schema(description = "How many messages are parked on it", example = "3") long messages,
            @Schema(description = "Its latest parked messages (at most 5), newest first",
                    example = "[{\"parkedAt\": \"2026-12-03T10:58:21Z\", \"partition\": 0, \"offset\": 42}]")
            List<Parked> latest) {
    }

    private final KafkaClients clients;

    DeadLetters(KafkaClients clients) {
        this.clients = clients;
    }

    public List<Topic> all() {
        try (Admin admin = Admin.create(clients.config(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "dead-letter-view")));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.config(Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-view-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<Topic> topics = new ArrayList<>();
            for (String name : admin.listTopics().names().get().stream().filter(n -> n.startsWith(PREFIX)).sorted().toList()) {
                topics.add(read(consumer, name));
            }
            return topics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
                    "the dead-letter topics cannot be read right now; try again shortly");
        }
    }

    private Topic read(KafkaConsumer<byte[], byte[]> consumer, String name) {
        List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                .map(info -> new TopicPartition(name, info.partition())).toList();
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long messages = partitions.stream().mapToLong(p -> ends.get(p) - begins.get(p)).sum();
        consumer.assign(partitions);
        partitions.forEach(p -> consumer.seek(p, Math.max(begins.get(p), ends.get(p) - LATEST)));
        List<Parked> latest = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(5);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                latest.add(new Parked(Instant.ofEpochMilli(record.timestamp()), header(record, "ce_type").orElse(null),
                        header(record, "ce_id").orElse(null), header(record, "x-exception-message")
                                .map(m -> m.length() > 200 ? m.substring(0, 200) + "…" : m).orElse(null),
                        record.partition(), record.offset(), header(record, ORIGINAL_TOPIC).orElse(null)));
            }
        }
        latest.sort(Comparator.comparing(Parked::parkedAt).reversed());
        return new Topic(name, messages, latest.subList(0, Math.min(LATEST, latest.size())));
    }

    static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
