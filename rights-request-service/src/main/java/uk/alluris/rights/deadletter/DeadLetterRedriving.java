package uk.alluris.rights.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.rights.request.PrivacyRequests;

/**
 * Sends one dead letter back to the topic it was consumed from, as it was first sent (key, body, CloudEvents headers;
 * the binder's failure headers dropped, {@code x-redriven-from} added), so its consumer handles it again — the inbox
 * still handles each event once. The letter is claimed first (its {@link Redrive} record, keyed by where it is parked),
 * so two officers, or one pressing twice, send it once; a send Kafka refuses releases the claim. When the letter
 * belongs to a privacy request (its key is the request's id), the request's evidence trail says so too.
 */
@Service
class DeadLetterRedriving {

    static final String REDRIVEN_FROM = "x-redriven-from";

    private final KafkaClients clients;
    private final Redrives redrives;
    private final PrivacyRequests requests;
    private final Clock clock;

    DeadLetterRedriving(KafkaClients clients, Redrives redrives, PrivacyRequests requests, Clock clock) {
        this.clients = clients;
        this.redrives = redrives;
        this.requests = requests;
        this.clock = clock;
    }

    Redrive redrive(String topic, int partition, long offset, String by) {
        String id = Redrive.idOf(topic, partition, offset);
        if (redrives.existsById(id)) {
            throw alreadyRedriven();
        }
        ConsumerRecord<byte[], byte[]> letter = read(topic, partition, offset);
        String originalTopic = DeadLetters.header(letter, DeadLetters.ORIGINAL_TOPIC).orElseThrow(() ->
                new ProblemException(HttpStatus.CONFLICT, "No original topic",
                        "this dead letter does not say which topic it came from, so it cannot be sent back"));
        Redrive redrive = new Redrive(id, topic, partition, offset, originalTopic,
                DeadLetters.header(letter, "ce_type").orElse(null), DeadLetters.header(letter, "ce_id").orElse(null),
                by, clock.instant());
        try {
            redrives.insert(redrive);
        } catch (DuplicateKeyException twice) {
            throw alreadyRedriven();
        }
        try {
            send(letter, originalTopic, id);
        } catch (RuntimeException refused) {
            redrives.deleteById(id);
            throw refused;
        }
        recordOnItsRequest(letter, redrive);
        return redrive;
    }

    private ConsumerRecord<byte[], byte[]> read(String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-redrive-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.stream().noneMatch(info -> info.partition() == partition)) {
                throw notFound();
            }
            consumer.assign(java.util.List.of(where));
            long begin = consumer.beginningOffsets(java.util.List.of(where)).get(where);
            long end = consumer.endOffsets(java.util.List.of(where)).get(where);
            if (offset < begin || offset >= end) {
                throw notFound();
            }
            consumer.seek(where, offset);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
            throw unavailable();
        } catch (org.apache.kafka.common.KafkaException e) {
            throw unavailable();
        }
    }

    private void send(ConsumerRecord<byte[], byte[]> letter, String originalTopic, String id) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000")), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(originalTopic, letter.key(), letter.value());
            for (Header header : letter.headers()) {
                if (!header.key().startsWith("x-exception") && !header.key().startsWith("x-original")) {
                    again.headers().add(header);
                }
            }
            again.headers().add(REDRIVEN_FROM, id.getBytes(StandardCharsets.UTF_8));
            producer.send(again).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (Exception e) {
            throw unavailable();
        }
    }

    private void recordOnItsRequest(ConsumerRecord<byte[], byte[]> letter, Redrive redrive) {
        UUID requestId = uuidOrNull(letter.key());
        if (requestId != null && requests.existsById(requestId)) {
            requests.change(requestId, request -> request.record(redrive.at(), redrive.by(), "DEAD_LETTER_REDRIVEN",
                    redrive.ceType() + " " + redrive.ceId() + " sent back to " + redrive.originalTopic()));
        }
    }

    private static UUID uuidOrNull(byte[] key) {
        try {
            return key == null ? null : UUID.fromString(new String(key, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static ProblemException alreadyRedriven() {
        return new ProblemException(HttpStatus.CONFLICT, "Already redriven",
                "this dead letter was already sent back to its topic; see /api/privacy/dead-letters/redrives");
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", "no dead letter at that topic, partition and offset");
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
                "the dead letter cannot be sent back right now; try again shortly");
    }
}
