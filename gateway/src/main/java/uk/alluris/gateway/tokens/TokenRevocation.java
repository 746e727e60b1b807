package uk.alluris.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import uk.alluris.events.EventType;
import uk.alluris.events.TokenRevoked;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.security.RevokedTokens;

/**
 * Signing out revokes the token everywhere: its id goes on this gateway's deny-list at once and, as a
 * {@code TokenRevoked} event on {@code auth.revocations}, on every service's and every other gateway's. The answer
 * waits for Kafka's acknowledgement, so a sign-out that was confirmed has reached the topic.
 */
@Component
public class TokenRevocation implements DisposableBean {

    private final KafkaProducer<String, byte[]> producer;
    private final RevokedTokens revoked;
    private final Clock clock;

    TokenRevocation(KafkaClients clients, RevokedTokens revoked, Clock clock) {
        this.revoked = revoked;
        this.clock = clock;
        this.producer = new KafkaProducer<>(clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000,
                ProducerConfig.LINGER_MS_CONFIG, 0)),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Mono<Void> revoke(Jwt token) {
        Instant now = clock.instant();
        revoked.revoke(token.getId(), token.getExpiresAt());
        TokenRevoked event = new TokenRevoked(UUID.randomUUID(), token.getId(), token.getExpiresAt(), now);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.TOKEN_REVOKED.topic(), event.partitionKey(),
                EventJson.write(event).getBytes(StandardCharsets.UTF_8));
        header(record, CloudEvents.ID, event.eventId().toString());
        header(record, CloudEvents.TYPE, EventType.TOKEN_REVOKED.cloudEventType());
        header(record, "ce_source", "gateway");
        header(record, "ce_specversion", CloudEvents.SPEC_VERSION);
        header(record, "ce_subject", event.tokenId());
        header(record, CloudEvents.TIME, now.toString());
        header(record, "contentType", "application/json");
        return Mono.<Void>create(sink -> producer.send(record, (metadata, error) -> {
            if (error != null) {
                sink.error(error);
            } else {
                sink.success();
            }
        })).timeout(Duration.ofSeconds(15));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(3));
    }
}
