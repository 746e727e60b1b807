package uk.alluris.kit.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.ClientRegistered;
import uk.alluris.events.EventType;
import uk.alluris.events.Topics;
import uk.alluris.events.TokenRevoked;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.security.RevokedTokens;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.SaslKafkaBroker;
import uk.alluris.testsupport.TestTokens;

/**
 * A service on the kit against a broker that wants a SASL login and creates no topics, configured as production
 * is (topics provisioned at start, the binder's auto-creation off): its health, its outbox's events and the
 * token-revocation listener all work over the secured listener. One context of its own (a broker of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=kit-test",
        "alluris.kafka.security.protocol=SASL_PLAINTEXT",
        "alluris.kafka.security.sasl-mechanism=PLAIN",
        // SaslKafkaBroker's one user (the kit reads security settings before any initializer runs)
        "alluris.kafka.security.sasl-jaas-config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"plain-admin\" password=\"plain-admin-secret\";",
        "alluris.kafka.topics.mode=CREATE",
        "spring.cloud.stream.kafka.binder.auto-create-topics=false" })
@ActiveProfiles("local")
@ContextConfiguration(initializers = SecuredKafkaIntegrationTest.SaslInfrastructure.class)
class SecuredKafkaIntegrationTest {

    /** The embedded store, the test token issuer, and the SASL broker with this service's login. */
    static class SaslInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sasl-infrastructure", Map.of(
                    "alluris.kafka.bootstrap-servers", SaslKafkaBroker.bootstrapServers(),
                    "spring.mongodb.uri", EmbeddedInfrastructure.get().mongoUri(),
                    "spring.mongodb.database", EmbeddedInfrastructure.freshDatabaseName("kit-sasl"),
                    "alluris.security.jwks-uri", TestTokens.get().jwksUri())));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Parcels parcels;
    @Autowired
    KafkaClients clients;
    @Autowired
    RevokedTokens revoked;

    @Test
    void theLoginHereIsTheSecuredBrokersUser() {
        assertThat(SaslKafkaBroker.jaasConfig(SaslKafkaBroker.USER, SaslKafkaBroker.PASSWORD))
                .isEqualTo(clients.config(Map.of()).get("sasl.jaas.config"));
    }

    @Test
    void healthIsUpWhenTheServiceLogsInToTheSecuredBroker() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode kafka = JSON.readTree(response.body()).path("components").path("kafka");
        assertThat(kafka.path("status").asString()).isEqualTo("UP");
        assertThat(kafka.path("details").path("brokers").asInt()).isEqualTo(1);
    }

    @Test
    void everyPlatformTopicWasProvisionedAtStartThoughTheBrokerCreatesNone() throws Exception {
        try (Admin admin = Admin.create(clients.config(Map.of()))) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(Topics.all());
        }
    }

    @Test
    void anEventFromTheOutboxTravelsOverTheSecuredListener() {
        String subjectId = UUID.randomUUID().toString();
        ClientRegistered event = new ClientRegistered(UUID.randomUUID(), subjectId, null, null, Instant.now());
        parcels.save(new Parcel(subjectId, "registered").record(event));

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.config(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "sasl-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.BOOKING_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var id = record.headers().lastHeader(CloudEvents.ID);
                    if (id != null && event.eventId().toString().equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> parcels.findById(subjectId).orElseThrow().outbox().isEmpty());
    }

    @Test
    void aSignOutPublishedOnTheSecuredBrokerReachesTheServicesDenyList() throws Exception {
        String tokenId = UUID.randomUUID().toString();
        TokenRevoked event = new TokenRevoked(UUID.randomUUID(), tokenId, Instant.now().plusSeconds(600), Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.config(Map.of()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.AUTH_REVOCATIONS, tokenId,
                    EventJson.write(event).getBytes(StandardCharsets.UTF_8));
            record.headers().add(CloudEvents.TYPE, EventType.TOKEN_REVOKED.cloudEventType().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> revoked.isRevoked(tokenId));
    }
}
