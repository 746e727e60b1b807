package uk.alluris.kit.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import uk.alluris.events.EventType;
import uk.alluris.events.Topics;
import uk.alluris.events.TokenRevoked;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;

/**
 * Feeds {@link RevokedTokens} from {@code auth.revocations}. Every instance of every service must see every
 * revocation, so this consumer belongs to a group of its own (a fresh id per start, nothing committed) and reads the
 * topic from the beginning: a restarted service knows every sign-out that is still within a token's lifetime.
 */
class RevocationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final KafkaClients clients;
    private final String application;
    private final RevokedTokens revoked;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    RevocationListener(KafkaClients clients, String application, RevokedTokens revoked) {
        this.clients = clients;
        this.application = application;
        this.revoked = revoked;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, application + "-revocations-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a topic nobody has written to yet is found within seconds once the first sign-out creates it
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000)),
                new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "token-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.AUTH_REVOCATIONS));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the poll
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEvents.TYPE);
        if (type == null || !EventType.TOKEN_REVOKED.cloudEventType().equals(new String(type.value()))) {
            return;
        }
        try {
            TokenRevoked event = (TokenRevoked) EventJson.read(record.value(), EventType.TOKEN_REVOKED);
            revoked.revoke(event.tokenId(), event.expiresAt());
        } catch (RuntimeException unreadable) {
            // one bad record must not stop every later revocation from being seen
            log.warn("unreadable token revocation at offset {}: {}", record.offset(), unreadable.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        consumer = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
