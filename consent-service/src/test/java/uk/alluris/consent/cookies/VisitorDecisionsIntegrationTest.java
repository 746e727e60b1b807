package uk.alluris.consent.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The cookie banner's door: anonymous choices with evidence, strict input, GPC, claiming, and privacy requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class VisitorDecisionsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REJECT = choice(false, false, false);
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    VisitorDecisionPrivacy privacy;

    record Answer(int status, JsonNode json) {
    }

    @Test
    void anAnonymousVisitorsChoiceIsRecordedWithItsEvidenceUnderAKeyNotTheVisitorId() {
        String visitor = visitorId();

        Answer answer = send(visitor, choice(true, false, false), Map.of("X-Forwarded-For", "198.51.100.23",
                "User-Agent", "Mozilla/5.0 (test)"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("categories").path("analytics").asBoolean()).isTrue();
        assertThat(answer.json().path("categories").path("advertising").asBoolean()).isFalse();
        Document stored = mongo.getCollection("visitor_decisions")
                .find(new Document("_id", UUID.fromString(answer.json().path("decisionId").asString()))).first();
        assertThat(stored.toJson()).doesNotContain(visitor).doesNotContain("198.51.100.23");
        assertThat(stored.getString("visitorKey")).isEqualTo(new VisitorId(visitor).key());
        assertThat(stored.getString("ipAddress")).isEqualTo("198.51.100.0");
        assertThat(stored.getString("userAgent")).isEqualTo("Mozilla/5.0 (test)");
        assertThat(stored.getString("bannerVersion")).isEqualTo("2026-11-30");
        assertThat(stored.getString("policyVersion")).isEqualTo("2026-01");
        assertThat(stored.getDate("recordedAt")).isNotNull();
        assertThat(stored.getString("claimedEmailIndex")).isNull();
    }

    @Test
    void badInputIsAProblemNamingWhatIsAllowedAndNothingIsStored() {
        long before = mongo.getCollection("visitor_decisions").countDocuments();
        Map<String, String> refused = Map.of(
                "not-hex-" + "0".repeat(24), REJECT,
                visitorId() + "|1", "{\"categories\":{\"necessary\":true,\"analytics\":true,\"advertising\":true,"
                        + "\"tracking\":true},\"bannerVersion\":\"2026-11-30\",\"policyVersion\":\"2026-01\"}",
                visitorId() + "|2", "{\"categories\":{\"necessary\":false,\"analytics\":false,\"advertising\":false},"
                        + "\"bannerVersion\":\"2026-11-30\",\"policyVersion\":\"2026-01\"}",
                visitorId() + "|3", "{\"categories\":{\"necessary\":true,\"analytics\":true},"
                        + "\"bannerVersion\":\"2026-11-30\",\"policyVersion\":\"2026-01\"}",
                visitorId() + "|4", "{\"categories\":{\"necessary\":true,\"analytics\":true,\"advertising\":true},"
                        + "\"bannerVersion\":\"<script>\",\"policyVersion\":\"2026-01\"}",
                visitorId() + "|5", REJECT.replace("}", ",\"email\":\"jane@example.com\"}"),
                visitorId() + "|6", "{not json");
        Map<String, String> expected = Map.of("|1", "[tracking]", "|2", "categories.necessary is always true",
                "|3", "categories.advertising is required", "|4", "bannerVersion", "|5", "and nothing else",
                "|6", "the body must be JSON");

        refused.forEach((visitor, body) -> {
            Answer answer = send(visitor.replaceAll("\\|\\d$", ""), body, Map.of());
            assertThat(answer.status()).as(visitor).isEqualTo(400);
            assertThat(answer.json().path("title").asString()).isEqualTo("Invalid input");
            String suffix = visitor.contains("|") ? visitor.substring(visitor.indexOf('|')) : null;
            assertThat(answer.json().path("detail").asString())
                    .contains(suffix == null ? "visitorId must be 32 lower-case hexadecimal" : expected.get(suffix));
        });
        assertThat(mongo.getCollection("visitor_decisions").countDocuments()).isEqualTo(before);
    }

    @Test
    void aBodyOverTwoKilobytesIsRefusedWith413() {
        String padded = REJECT.replace("\"gpc\"", "\"padding\":\"" + "x".repeat(3000) + "\",\"gpc\"");

        Answer answer = send(visitorId(), padded, Map.of());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().path("detail").asString()).contains("2048 bytes");
    }

    @Test
    void globalPrivacyControlTurnsAdvertisingOffWithoutAskingAndIsRecordedAsSuch() {
        Answer byHeader = send(visitorId(), choice(true, true, false), Map.of("Sec-GPC", "1"));
        Answer byPage = send(visitorId(), choice(true, true, true), Map.of());
        Answer without = send(visitorId(), choice(true, true, false), Map.of());

        for (Answer gpc : List.of(byHeader, byPage)) {
            assertThat(gpc.status()).isEqualTo(201);
            assertThat(gpc.json().path("categories").path("analytics").asBoolean()).isTrue();
            assertThat(gpc.json().path("categories").path("advertising").asBoolean()).isFalse();
            assertThat(gpc.json().path("globalPrivacyControl").asBoolean()).isTrue();
        }
        assertThat(without.json().path("categories").path("advertising").asBoolean()).isTrue();
        assertThat(without.json().path("globalPrivacyControl").asBoolean()).isFalse();
    }

    @Test
    void aSignedInClientClaimsTheirVisitorIdAndItsChoicesJoinTheirLedgerWithEvidence() {
        String visitor = visitorId();
        String email = "visitor-" + UUID.randomUUID() + "@example.com";
        send(visitor, choice(true, false, false), Map.of("Sec-GPC", "1", "X-Forwarded-For", "2001:db8:abcd:12::1"));
        ServiceCalls calls = ServiceCalls.onPort(port);
        String client = TestTokens.get().client(indexer.email(email));

        assertThat(calls.post("/api/consents/visitors/" + visitor + "/claim", null, null).status()).isEqualTo(401);
        assertThat(calls.post("/api/consents/visitors/" + visitor + "/claim", null,
                TestTokens.get().staff("RECEPTION")).status()).isEqualTo(403);
        ServiceCalls.Answer claimed = calls.post("/api/consents/visitors/" + visitor + "/claim", null, client);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.json().path("decisions").asInt()).isEqualTo(1);
        assertThat(calls.post("/api/consents/visitors/" + visitor + "/claim", null, client).status()).isEqualTo(200);
        send(visitor, choice(false, false, false), Map.of());

        JsonNode person = calls.get("/api/consents?email=" + email, client).json();
        assertThat(person.path("current").path("cookies.analytics").path("granted").asBoolean()).isFalse();
        assertThat(person.path("current").path("cookies.advertising").path("granted").asBoolean()).isFalse();
        assertThat(person.path("history")).hasSize(4);
        JsonNode first = person.path("history").get(0).path("evidence");
        assertThat(first.path("source").asString()).isEqualTo("cookie-banner");
        assertThat(first.path("formId").asString()).isEqualTo("banner 2026-11-30");
        assertThat(first.path("ipAddress").asString()).isEqualTo("2001:db8:abcd:0:0:0:0:0");
        assertThat(first.path("note").asString()).contains("Global Privacy Control");
        String stranger = TestTokens.get().client(indexer.email("stranger-" + UUID.randomUUID() + "@example.com"));
        ServiceCalls.Answer taken = calls.post("/api/consents/visitors/" + visitor + "/claim", null, stranger);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text()).doesNotContain(email);
    }

    @Test
    void theAccessExportShowsClaimedChoicesAndErasureRemovesThemSoTheBrowserIsAnonymousAgain() {
        String visitor = visitorId();
        String email = "erase-visitor-" + UUID.randomUUID() + "@example.com";
        SubjectIdentifiers person = new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
        send(visitor, choice(true, true, false), Map.of("User-Agent", "Mozilla/5.0 (export)"));
        ServiceCalls.onPort(port).post("/api/consents/visitors/" + visitor + "/claim", null,
                TestTokens.get().client(indexer.email(email)));

        PersonalDataExport.Builder export = PersonalDataExport.builder();
        privacy.export(person, export);
        List<?> choices = (List<?>) export.build().data().get("cookie-choices");
        assertThat(choices).hasSize(1);
        assertThat(JSON.writeValueAsString(choices.get(0))).contains("\"advertising\":true")
                .contains("Mozilla/5.0 (export)").contains("\"bannerVersion\":\"2026-11-30\"");

        UUID requestId = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, person));
        assertThat(probe.receipt(requestId, "consent-service").categories())
                .contains(CategoryOutcome.of("cookie-choices", Outcome.ERASED, 1));
        assertThat(mongo.getCollection("visitor_decisions")
                .countDocuments(new Document("visitorKey", new VisitorId(visitor).key()))).isZero();
        send(visitor, REJECT, Map.of());
        assertThat(mongo.getCollection("visitor_decisions")
                .find(new Document("visitorKey", new VisitorId(visitor).key())).first().get("claimedEmailIndex")).isNull();
    }

    private Answer send(String visitor, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/consents/visitors/" + visitor + "/decisions")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String choice(boolean analytics, boolean advertising, boolean gpc) {
        return "{\"categories\":{\"necessary\":true,\"analytics\":" + analytics + ",\"advertising\":" + advertising
                + "},\"bannerVersion\":\"2026-11-30\",\"policyVersion\":\"2026-01\",\"gpc\":" + gpc + "}";
    }

    private static String visitorId() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
