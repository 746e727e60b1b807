package uk.alluris.kit.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.ClientRegistered;
import uk.alluris.events.Topics;
import uk.alluris.kit.inbox.EventConsumer;
import uk.alluris.kit.inbox.ProcessedMessages;
import uk.alluris.kit.inbox.ProducerTraces;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=kit-test")
@UsesEmbeddedInfrastructure
class KitIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Parcels parcels;
    @Autowired
    ProcessedMessages processed;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ProcessingRegister register;
    @Autowired
    HealthEndpointGroups healthGroups;
    @Autowired
    Tracer tracer;
    @Autowired
    Propagator propagator;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Heartbeat heartbeat;

    @Test
    void everyServiceReadsTheRegisterOfProcessingFromTheKitWithItsPeriodsAndStartingEvents() {
        var clinical = register.category("clinical-records").orElseThrow();

        assertThat(clinical.retention().period()).isEqualTo(java.time.Period.ofYears(8));
        assertThat(clinical.retention().startsAt()).isEqualTo(ProcessingRegister.RetentionStart.LAST_ENTRY);
        assertThat(register.category("unconverted-leads").orElseThrow().retention().period())
                .isEqualTo(java.time.Period.ofMonths(6));
        assertThat(register.categoriesHeldBy("marketing-service")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void readinessWaitsForTheStoreAndBrokerWhileLivenessNeverDependsOnThemAndBothSayOnlyUpOrDown() throws Exception {
        var readiness = healthGroups.get("readiness");
        var liveness = healthGroups.get("liveness");
        assertThat(readiness.isMember("mongo")).isTrue();
        assertThat(readiness.isMember("kafka")).isTrue();
        assertThat(readiness.isMember("readinessState")).isTrue();
        assertThat(liveness.isMember("livenessState")).isTrue();
        assertThat(liveness.isMember("mongo")).isFalse();
        assertThat(liveness.isMember("kafka")).isFalse();

        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asString()).as(probe).isEqualTo("UP");
            assertThat(body.has("components")).as(probe).isFalse();
        }
    }

    @Test
    void healthIsUpOnlyWithItsStoreAndBrokerChecked() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void anEventSavedWithItsChangeIsRelayedAsACloudEventAndLeavesTheOutbox() {
        String subjectId = UUID.randomUUID().toString();
        ClientRegistered event = new ClientRegistered(UUID.randomUUID(), subjectId, null, null, Instant.now());
        parcels.save(new Parcel(subjectId, "registered").record(event));

        ConsumerRecord<byte[], byte[]> record = awaitRecord(Topics.BOOKING_EVENTS, event.eventId().toString());

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(subjectId);
        assertThat(header(record, "ce_type")).isEqualTo("uk.alluris.booking.ClientRegistered.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/alluris/kit-test");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_subject")).isEqualTo(subjectId);
        // the store keeps milliseconds; the body keeps the event's own precision
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(event.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        assertThat(JSON.readTree(record.value()).path("subjectId").asString()).isEqualTo(subjectId);
        assertThat(CloudEvents.read(MessageBuilder.withPayload(record.value())
                .setHeader("ce_type", header(record, "ce_type")).build())).isEqualTo(event);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(parcels.findById(subjectId).orElseThrow().outbox()).isEmpty());
    }

    @Test
    void theConsumerOfAnEventHandlesItInsideTheTraceOfTheRequestThatCausedIt() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String subjectId = UUID.randomUUID().toString();
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/parcels/" + subjectId))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);

        ConsumerRecord<byte[], byte[]> record = awaitRecord(Topics.BOOKING_EVENTS, registered.body());
        assertThat(header(record, "ce_traceparent")).startsWith("00-" + traceId + "-");

        assertThat(traceIdWhileHandling(record, null)).isEqualTo(traceId);
        // unsampled, as every trace is under the platform's default sampling probability of 0
        String unsampled = header(record, "ce_traceparent").substring(0, 52) + "-00";
        assertThat(traceIdWhileHandling(record, unsampled)).isEqualTo(traceId);
        assertThat(MDC.get("traceId")).isNull();
    }

    /** The trace id log lines carry while a consumer handles the record (its traceparent replaced, if given). */
    private String traceIdWhileHandling(ConsumerRecord<byte[], byte[]> record, String traceparent) {
        List<String> handledIn = new ArrayList<>();
        EventConsumer consumer = EventConsumer.keyed("kit-test/traced", (key, message, handler) -> {
            handler.run();
            return true;
        }, meters, new ProducerTraces(tracer, propagator)).on(ClientRegistered.class, event -> {
            handledIn.add(MDC.get("traceId"));
            LoggerFactory.getLogger(KitIntegrationTest.class).info("handled registration of {}", event.subjectId());
        }).build();
        MessageBuilder<byte[]> received = MessageBuilder.withPayload(record.value());
        record.headers().forEach(header -> received.setHeader(header.key(), header.value()));
        if (traceparent != null) {
            received.setHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8))
                    .setHeader("ce_traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        consumer.accept(received.build());
        assertThat(handledIn).hasSize(1);
        return handledIn.get(0);
    }

    @Test
    void everyScheduledJobAndTheOutboxSweepRunUnderALockNamedAfterThemWithoutAnAnnotation() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                mongo.getCollection("shedLock").distinct("_id", String.class).into(new ArrayList<>()))
                .contains("uk.alluris.kit.testapp.Heartbeat.beat", "uk.alluris.kit.outbox.OutboxRelay.sweep"));
        await().atMost(Duration.ofSeconds(30)).until(() -> heartbeat.beats() > 0);
    }

    @Test
    void aRepeatedMessageIsHandledOnce() {
        AtomicInteger runs = new AtomicInteger();
        String messageId = UUID.randomUUID().toString();

        boolean first = processed.handleOnce("kit-test", messageId, runs::incrementAndGet);
        boolean second = processed.handleOnce("kit-test", messageId, runs::incrementAndGet);
        boolean otherGroup = processed.handleOnce("another-group", messageId, () -> { });

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(otherGroup).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void processedMessageRecordsExpireByATtlIndexAndByTheCleanupWhereTheStoreIgnoresIt() {
        String old = "kit-test/" + UUID.randomUUID();
        String recent = "kit-test/" + UUID.randomUUID();
        mongo.insert(new Document("_id", old).append("handledAt", Instant.now().minus(Duration.ofDays(31))),
                "processed_messages");
        mongo.insert(new Document("_id", recent).append("handledAt", Instant.now().minus(Duration.ofDays(29))),
                "processed_messages");

        assertThat(processed.expire()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.exists(new Query(where("_id").is(old)), "processed_messages")).isFalse();
        assertThat(mongo.exists(new Query(where("_id").is(recent)), "processed_messages")).isTrue();
        assertThat(mongo.indexOps("processed_messages").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getName()).isEqualTo("handledAt_ttl");
            assertThat(index.getExpireAfter()).contains(Duration.ofDays(30));
        });
    }

    @Test
    void invalidInputIsA400ProblemThatDoesNotEchoPersonalData() throws Exception {
        HttpResponse<String> response = post("/recipients", "{\"name\":\"\",\"email\":\"jane-at-example\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "email");
        assertThat(response.body()).doesNotContain("jane-at-example");
    }

    @Test
    void aBadPhoneNumberIsA400() throws Exception {
        HttpResponse<String> response = post("/recipients",
                "{\"name\":\"Jane\",\"email\":\"jane@example.com\",\"phone\":\"123\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).isEqualTo("not a valid phone number");
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        HttpResponse<String> response = post("/recipients", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void missingThingsAndUnknownPathsAre404Problems() throws Exception {
        assertThat(get("/recipients/42").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/recipients/no/such/path");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void anUnexpectedErrorIsA500ThatRevealsNothing() throws Exception {
        HttpResponse<String> response = get("/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("mongodb").doesNotContain("jane");
    }

    private ConsumerRecord<byte[], byte[]> awaitRecord(String topic, String ceId) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (ceId.equals(header(r, "ce_id"))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
