package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.rights.deadline.StatutoryDeadlines;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** A request from filing to the last receipt, through the service's own API, its outbox and the receipts topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.rights.chase-after=1s", "alluris.rights.chase-every=200ms" })
@UsesEmbeddedInfrastructure
class PrivacyRequestLifecycleIntegrationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REGISTRY = List.of("booking-service", "records-service", "consent-service",
            "marketing-service");

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    StreamBridge bridge;
    @Autowired
    StatutoryDeadlines deadlines;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Test
    void anErasureRequestIsVerifiedFannedOutAndCompletedByEveryReceipt() {
        String email = "jane-" + UUID.randomUUID() + "@example.com";
        String filed = file("ERASURE", email, "07911 123456");
        UUID id = UUID.fromString(JSON.readTree(filed).path("id").asString());
        assertThat(JSON.readTree(filed).path("status").asString()).isEqualTo("AWAITING_VERIFICATION");

        assertThat(post("/api/privacy/requests/" + id + "/verification", "{\"code\":\"" + wrong(codeMailedTo(email)) + "\"}", null)
                .statusCode()).isEqualTo(422);
        HttpResponse<String> verified = post("/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + codeMailedTo(email) + "\"}", null);

        assertThat(verified.statusCode()).isEqualTo(200);
        JsonNode detail = JSON.readTree(verified.body());
        assertThat(detail.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(LocalDate.parse(detail.path("dueDate").asString()))
                .isEqualTo(deadlines.dueDate(PrivacyRequest.londonDay(Instant.now())));
        assertThat(detail.path("services").propertyNames()).containsExactlyInAnyOrderElementsOf(REGISTRY);

        ConsumerRecord<byte[], byte[]> fannedOut = firstRequestEventFor(id);
        String body = new String(fannedOut.value(), StandardCharsets.UTF_8);
        assertThat(header(fannedOut, "ce_type")).isEqualTo("uk.alluris.privacy.ErasureRequested.v1");
        assertThat(new String(fannedOut.key(), StandardCharsets.UTF_8)).isEqualTo(indexer.email(email));
        // the phone number was only stated, never proven: it does not reach the services, not even as an index
        assertThat(body).contains(indexer.email(email)).doesNotContain(indexer.phone("07911 123456"))
                .doesNotContain(email).doesNotContain("7911");

        REGISTRY.forEach(service -> answer(id, service));
        answer(id, "booking-service");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(officerGet("/api/privacy/requests/" + id).path("status").asString()).isEqualTo("COMPLETED"));
        JsonNode completed = officerGet("/api/privacy/requests/" + id);
        assertThat(completed.path("services").path("booking-service").path("state").asString()).isEqualTo("ANSWERED");
        assertThat(completed.path("services").path("booking-service").path("receipt").get(1).path("legalGround").asString())
                .contains("financial records");
        // the requester is then told the outcome (outcomes.OutcomeMail), the last step
        await().atMost(Duration.ofSeconds(20)).until(() -> officerGet("/api/privacy/requests/" + id + "/evidence")
                .findValuesAsString("step").contains("OUTCOME_MAILED"));
        List<String> steps = officerGet("/api/privacy/requests/" + id + "/evidence").findValuesAsString("step");
        assertThat(steps).startsWith("FILED", "VERIFICATION_FAILED", "VERIFIED").endsWith("COMPLETED", "OUTCOME_MAILED")
                .filteredOn("RECEIPT"::equals).hasSize(4);
    }

    @Test
    void theRequesterSeesAndListsTheirOwnRequestAndNobodyElsesWhileReceptionSeesNone() {
        String email = "own-" + UUID.randomUUID() + "@example.com";
        UUID id = UUID.fromString(JSON.readTree(file("RESTRICTION", email, null)).path("id").asString());

        assertThat(get("/api/privacy/requests/" + id, TestTokens.get().client(indexer.email(email))).statusCode()).isEqualTo(200);
        assertThat(get("/api/privacy/requests/" + id, TestTokens.get().client(indexer.email("other@example.com"))).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/privacy/requests/" + id, TestTokens.get().staff("RECEPTION")).statusCode()).isEqualTo(403);
        HttpResponse<String> listed = get("/api/privacy/requests", TestTokens.get().client(indexer.email(email)));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).findValuesAsString("id")).containsExactly(id.toString());
        assertThat(get("/api/privacy/requests", TestTokens.get().client(indexer.email("other@example.com"))).body())
                .doesNotContain(id.toString());
        assertThat(get("/api/privacy/requests", TestTokens.get().staff("RECEPTION")).statusCode()).isEqualTo(403);
    }

    @Test
    void theOfficerVerifiesIdentityAndExtendsOnceAndTheRequesterIsTold() {
        String email = "ext-" + UUID.randomUUID() + "@example.com";
        UUID id = UUID.fromString(JSON.readTree(file("OBJECTION_TO_MARKETING", email, null)).path("id").asString());
        String officer = TestTokens.get().staff("PRIVACY_OFFICER");

        assertThat(post("/api/privacy/requests/" + id + "/identity-verified", "{\"note\":\"passport seen\"}",
                TestTokens.get().client(indexer.email(email))).statusCode()).isEqualTo(403);
        assertThat(post("/api/privacy/requests/" + id + "/identity-verified", "{\"note\":\"passport seen at reception\"}",
                officer).statusCode()).isEqualTo(200);
        HttpResponse<String> extended = post("/api/privacy/requests/" + id + "/extension",
                "{\"months\":2,\"reason\":\"records held in several systems\"}", officer);
        HttpResponse<String> again = post("/api/privacy/requests/" + id + "/extension",
                "{\"months\":1,\"reason\":\"more\"}", officer);
        HttpResponse<String> tooLong = post("/api/privacy/requests/" + id + "/extension",
                "{\"months\":3,\"reason\":\"too long\"}", officer);

        assertThat(extended.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(extended.body()).path("extension").path("months").asInt()).isEqualTo(2);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(messagesTo(email))
                .anyMatch(m -> GreenMailUtil.getBody(m).contains("records held in several systems")));
    }

    @Test
    void aSilentServiceIsAskedAgainAndShownLate() {
        String email = "late-" + UUID.randomUUID() + "@example.com";
        UUID id = UUID.fromString(JSON.readTree(file("ERASURE", email, null)).path("id").asString());
        post("/api/privacy/requests/" + id + "/verification", "{\"code\":\"" + codeMailedTo(email) + "\"}", null);
        List.of("booking-service", "consent-service", "marketing-service").forEach(service -> answer(id, service));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode records = officerGet("/api/privacy/requests/" + id).path("services").path("records-service");
            assertThat(records.path("state").asString()).isEqualTo("LATE");
            assertThat(records.path("timesAsked").asInt()).isGreaterThan(1);
        });
        assertThat(officerGet("/api/privacy/requests/" + id).path("status").asString()).isEqualTo("IN_PROGRESS");

        answer(id, "records-service");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(officerGet("/api/privacy/requests/" + id).path("status").asString()).isEqualTo("COMPLETED"));
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        HttpResponse<String> unknownType = post("/api/privacy/requests", "{\"type\":\"TELEPORT\",\"email\":\"a@example.com\"}", null);
        HttpResponse<String> badEmail = post("/api/privacy/requests", "{\"type\":\"ERASURE\",\"email\":\"nope\"}", null);
        HttpResponse<String> badPhone = post("/api/privacy/requests",
                "{\"type\":\"ERASURE\",\"email\":\"a@example.com\",\"phone\":\"12\"}", null);

        assertThat(List.of(unknownType, badEmail, badPhone)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(post("/api/privacy/requests/" + UUID.randomUUID() + "/verification", "{\"code\":\"123456\"}", null)
                .statusCode()).isEqualTo(404);
    }

    private void answer(UUID id, String service) {
        List<CategoryOutcome> receipt = service.equals("booking-service")
                ? List.of(CategoryOutcome.of("contact-profile", Outcome.ERASED, 1),
                        CategoryOutcome.retained("payments", 2, "Legal obligation: financial records (6 years)",
                                LocalDate.now().plusYears(6)))
                : List.of(CategoryOutcome.of("everything", Outcome.NOT_HELD, 0));
        ReceiptIssued issued = new ReceiptIssued(UUID.randomUUID(), id, service, "ERASURE", receipt, Instant.now());
        bridge.send(Topics.PRIVACY_RECEIPTS, OutboxMessage.of(issued).toMessage("/alluris/" + service));
    }

    private String file(String type, String email, String phone) {
        String json = "{\"type\":\"" + type + "\",\"email\":\"" + email + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"fullName\":\"Jane Doe\"}";
        HttpResponse<String> response = post("/api/privacy/requests", json, null);
        assertThat(response.statusCode()).isEqualTo(202);
        return response.body();
    }

    private ConsumerRecord<byte[], byte[]> firstRequestEventFor(UUID id) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "lifecycle-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PRIVACY_REQUESTS));
            List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(id.toString())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static String codeMailedTo(String email) {
        return RightsTestCalls.codeMailedTo(MAIL, email);
    }

    private static MimeMessage[] messagesTo(String email) {
        return RightsTestCalls.messagesTo(MAIL, email);
    }

    private JsonNode officerGet(String path) {
        return new RightsTestCalls(port).officerGet(path);
    }

    private HttpResponse<String> get(String path, String token) {
        return new RightsTestCalls(port).get(path, token);
    }

    private HttpResponse<String> post(String path, String json, String token) {
        return new RightsTestCalls(port).post(path, json, token);
    }
}
