package uk.alluris.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import uk.alluris.events.EventType;
import uk.alluris.events.TokenRevoked;
import org.springframework.mock.env.MockEnvironment;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.testsupport.EmbeddedInfrastructure;

class RevocationListenerIntegrationTest {

    private final String kafka = EmbeddedInfrastructure.get().kafkaBootstrapServers();

    @Test
    void everyInstanceStartedAfterASignOutStillLearnsOfItAndOneStartedBeforeLearnsOfTheNext() {
        String earlier = UUID.randomUUID().toString();
        publish(earlier, Instant.now().plusSeconds(600));
        RevokedTokens first = new RevokedTokens(Clock.systemUTC());
        RevokedTokens second = new RevokedTokens(Clock.systemUTC());
        KafkaClients clients = new KafkaClients(new MockEnvironment().withProperty("alluris.kafka.bootstrap-servers", kafka));
        RevocationListener one = new RevocationListener(clients, "instance", first);
        RevocationListener two = new RevocationListener(clients, "instance", second);
        one.start();
        two.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.isRevoked(earlier) && second.isRevoked(earlier));

            String later = UUID.randomUUID().toString();
            publish(later, Instant.now().plusSeconds(600));

            await().atMost(Duration.ofSeconds(30)).until(() -> first.isRevoked(later) && second.isRevoked(later));
        } finally {
            one.stop();
            two.stop();
        }
        assertThat(one.isRunning()).isFalse();
    }

    private void publish(String tokenId, Instant expiresAt) {
        TokenRevoked event = new TokenRevoked(UUID.randomUUID(), tokenId, expiresAt, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.TOKEN_REVOKED.topic(), tokenId,
                    EventJson.write(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvents.TYPE, EventType.TOKEN_REVOKED.cloudEventType().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
