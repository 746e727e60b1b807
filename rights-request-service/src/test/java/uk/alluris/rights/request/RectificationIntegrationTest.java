package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.testsupport.PrivacyRequestProbe;

/**
 * Rectification from the rights side: the corrections are checked when filed (a 400 problem and nothing stored when
 * they are wrong), sealed at rest, fanned out sealed for transport with only the field names readable, and each
 * service's receipt shows what it changed.
 */
class RectificationIntegrationTest extends MailedRightsContext {

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TransportSeal transport;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    StreamBridge bridge;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PrivacyRequests requests;

    @Test
    void correctionsTravelSealedWithOnlyTheirFieldNamesAndEveryReceiptShowsWhatChanged() {
        String email = "rect-" + UUID.randomUUID() + "@example.com";
        String newEmail = "Jane.Smith-" + UUID.randomUUID() + "@Example.com";
        HttpResponse<String> filed = post("/api/privacy/requests", """
                {"type":"RECTIFICATION","email":"%s","phone":"07911 123456","fullName":"Jane Doe",
                 "corrections":{"fullName":"  Jane Smith ","email":"%s","phone":"07912 345678","dateOfBirth":"1990-05-17"}}
                """.formatted(email, newEmail), null);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        UUID id = UUID.fromString(JSON.readTree(filed.body()).path("id").asString());
        String atRest = stored(id);
        assertThat(atRest).doesNotContain("Jane Smith").doesNotContain(newEmail.toLowerCase()).doesNotContain("345678")
                .doesNotContain("1990-05-17").contains("sealedCorrections");

        HttpResponse<String> verified = post("/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + codeMailedTo(email) + "\"}", null);
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).path("corrections").values().stream().map(JsonNode::asString).toList())
                .containsExactly("fullName", "email", "phone", "dateOfBirth");
        assertThat(JSON.readTree(verified.body()).has("downloadToken")).isFalse();

        ConsumerRecord<byte[], byte[]> fannedOut = probe.records(Topics.PRIVACY_REQUESTS, Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(id.toString())).get(0);
        String body = new String(fannedOut.value(), StandardCharsets.UTF_8);
        assertThat(PrivacyRequestProbe.header(fannedOut, "ce_type")).contains("uk.alluris.privacy.RectificationRequested.v1");
        assertThat(new String(fannedOut.key(), StandardCharsets.UTF_8)).isEqualTo(indexer.email(email));
        assertThat(body).doesNotContain("Jane").doesNotContain("Smith").doesNotContain(newEmail.toLowerCase())
                .doesNotContain("345678").doesNotContain("1990").doesNotContain(email);
        JsonNode event = JSON.readTree(body);
        assertThat(event.path("fields").values().stream().map(JsonNode::asString).toList())
                .containsExactly("fullName", "email", "phone", "dateOfBirth");
        assertThat(transport.open(event.path("sealedCorrections").asString(), id)).isEqualTo(new Corrections(
                "Jane Smith", newEmail.toLowerCase(), "+447912345678", LocalDate.of(1990, 5, 17)));
        assertThat(stored(id)).doesNotContain("Jane Smith").doesNotContain("\"sealedCorrections\"");

        answer(id, "booking-service", List.of(CategoryOutcome.of("contact-profile", Outcome.RECTIFIED, 1)));
        answer(id, "records-service", List.of(CategoryOutcome.of("patient-identity", Outcome.RECTIFIED, 1)));
        answer(id, "consent-service", List.of(CategoryOutcome.of("consent-personal-data", Outcome.NOT_HELD, 0)));
        answer(id, "marketing-service", List.of(CategoryOutcome.of("subscribers", Outcome.RECTIFIED, 1),
                CategoryOutcome.of("leads", Outcome.RECTIFIED, 2)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                officerGet("/api/privacy/requests/" + id).path("status").asString()).isEqualTo("COMPLETED"));
        JsonNode done = officerGet("/api/privacy/requests/" + id);
        assertThat(changed(done, "booking-service")).containsExactly("contact-profile (1)");
        assertThat(changed(done, "marketing-service")).containsExactly("subscribers (1)", "leads (2)");
        assertThat(changed(done, "consent-service")).isEmpty();
        assertThat(done.has("bundle")).isFalse();
        assertThat(stored(id)).doesNotContain("transportCorrections");
        List<String> steps = officerGet("/api/privacy/requests/" + id + "/evidence").findValuesAsString("step");
        assertThat(steps).containsSubsequence("FILED", "VERIFIED", "CORRECTIONS_SENT", "RECEIPT", "COMPLETED");
    }

    @Test
    void wrongCorrectionsAreA400ProblemAndNothingIsFiled() {
        String email = "bad-rect-" + UUID.randomUUID() + "@example.com";
        long before = requests.count();
        Map<String, String> refused = Map.of(
                "none", "",
                "empty", ",\"corrections\":{}",
                "badEmail", ",\"corrections\":{\"email\":\"not-an-address\"}",
                "badPhone", ",\"corrections\":{\"phone\":\"12\"}",
                "futureBirth", ",\"corrections\":{\"dateOfBirth\":\"" + LocalDate.now().plusDays(2) + "\"}",
                "notADate", ",\"corrections\":{\"dateOfBirth\":\"17/05/1990\"}",
                "blankName", ",\"corrections\":{\"fullName\":\"   \"}",
                "correctionsOnAnErasure", ",\"corrections\":{\"fullName\":\"Jane Smith\"}");

        refused.forEach((what, corrections) -> {
            String type = what.equals("correctionsOnAnErasure") ? "ERASURE" : "RECTIFICATION";
            HttpResponse<String> response = post("/api/privacy/requests",
                    "{\"type\":\"" + type + "\",\"email\":\"" + email + "\"" + corrections + "}", null);
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                    .startsWith("application/problem+json");
            assertThat(response.body()).as(what).doesNotContain("not-an-address").doesNotContain("17/05/1990");
        });
        assertThat(requests.count()).isEqualTo(before);
        assertThat(messagesTo(email)).isEmpty();
    }

    private List<String> changed(JsonNode detail, String service) {
        return detail.path("services").path(service).path("changed").values().stream().map(JsonNode::asString).toList();
    }

    private void answer(UUID id, String service, List<CategoryOutcome> receipt) {
        ReceiptIssued issued = new ReceiptIssued(UUID.randomUUID(), id, service, "RECTIFICATION", receipt, Instant.now());
        bridge.send(Topics.PRIVACY_RECEIPTS, OutboxMessage.of(issued).toMessage("/alluris/" + service));
    }

    private String stored(UUID id) {
        return mongo.findById(id, Document.class, "privacy_requests").toJson();
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
