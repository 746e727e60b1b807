package uk.alluris.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under the fan-out: on the same broker, produce → consume → produce → consume (two hops, as a request
 * and its receipt travel), with a payload the size of a privacy request event, one round trip at a time. Its two
 * topics exist only for the run: they are deleted afterwards, whatever happened, so benchmarks leave no topics behind.
 */
final class KafkaFloor {

    /** About the size of an ErasureRequested body: ids, two blind indexes, dates. */
    static final int PAYLOAD_BYTES = 420;

    private final String bootstrapServers;

    KafkaFloor(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every benchmark topic's name starts so: what a clean-up (or a check that there is none left) looks for. */
    static final String TOPIC_PREFIX = "bench.floor.";

    Latencies run(int roundTrips) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String hop1 = TOPIC_PREFIX + run + ".requests";
        String hop2 = TOPIC_PREFIX + run + ".receipts";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(hop1, 1, (short) 1), new NewTopic(hop2, 1, (short) 1))).all().get();
            try {
                return roundTrips(hop1, hop2, roundTrips);
            } finally {
                admin.deleteTopics(List.of(hop1, hop2)).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create or delete the floor's topics", e);
        }
    }

    private Latencies roundTrips(String hop1, String hop2, int roundTrips) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        byte[] payload = new byte[PAYLOAD_BYTES];
        java.util.Arrays.fill(payload, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = producer();
                KafkaConsumer<byte[], byte[]> relayIn = consumer(hop1);
                KafkaConsumer<byte[], byte[]> end = consumer(hop2)) {
            Thread relay = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : relayIn.poll(Duration.ofMillis(100))) {
                        send(producer, new ProducerRecord<>(hop2, record.key(), record.value()));
                    }
                }
            }, "floor-relay");
            relay.start();
            try {
                return timed(producer, end, hop1, payload, roundTrips);
            } finally {
                running.set(false);
                relay.join();
            }
        }
    }

    private static Latencies timed(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> end,
            String hop1, byte[] payload, int roundTrips) {
        Latencies latencies = new Latencies();
        int warmUp = Math.min(50, roundTrips);
        for (int i = 0; i < warmUp + roundTrips; i++) {
            byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            send(producer, new ProducerRecord<>(hop1, key, payload));
            awaitKey(end, key);
            if (i >= warmUp) {
                latencies.add((System.nanoTime() - start) / 1000);
            }
        }
        return latencies;
    }

    private static void awaitKey(KafkaConsumer<byte[], byte[]> consumer, byte[] key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (java.util.Arrays.equals(record.key(), key)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("a floor round trip took over 30 s");
    }

    /** Synchronous, like the services' outbox relay: the next step waits for the broker's acknowledgement. */
    private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("floor send failed", e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }
}
