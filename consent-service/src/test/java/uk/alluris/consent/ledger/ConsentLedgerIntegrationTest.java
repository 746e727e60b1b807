package uk.alluris.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The ledger through consent's own API: decisions appended with evidence, current state and history, access rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ConsentLedgerIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void grantsAndWithdrawalsAppendToTheLedgerWithEvidenceAndTheLatestDecisionIsCurrent() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "ledger-" + UUID.randomUUID() + "@example.com";

        Answer grant = decide(calls, "  " + email.toUpperCase() + " ", "marketing.email", true, reception);
        Answer sms = decide(calls, email, "marketing.sms", true, reception);
        Answer withdraw = decide(calls, email, "marketing.email", false, reception);

        assertThat(List.of(grant, sms, withdraw)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(grant.json().path("id").asString()).hasSize(36);
        assertThat(grant.json().path("email").asString()).isEqualTo(email);
        assertThat(grant.json().path("granted").asBoolean()).isTrue();
        assertThat(grant.json().path("evidence").path("consentText").asString()).isEqualTo("Email me offers");
        assertThat(grant.json().path("evidenceDigest").asString()).hasSize(64);
        assertThat(sms.json().path("subjectId").asString()).isEqualTo(grant.json().path("subjectId").asString());

        JsonNode person = calls.get("/api/consents?email=" + email, reception).json();
        JsonNode emailState = person.path("current").path("marketing.email");
        assertThat(emailState.path("granted").asBoolean()).isFalse();
        assertThat(emailState.path("since").asString()).isEqualTo(withdraw.json().path("recordedAt").asString());
        assertThat(emailState.path("policyVersion").asString()).isEqualTo("2026-01");
        assertThat(emailState.path("channel").asString()).isEqualTo("WEB");
        assertThat(person.path("current").path("marketing.sms").path("granted").asBoolean()).isTrue();
        assertThat(person.path("restricted").asBoolean()).isFalse();
        assertThat(person.path("history").valueStream().map(entry -> entry.path("id").asString()).toList())
                .containsExactly(id(grant), id(sms), id(withdraw));
        assertThat(calls.get("/api/consents?subjectId=" + grant.json().path("subjectId").asString(), reception).json()
                .path("history")).hasSize(3);
        assertThat(calls.get("/api/consents/" + id(grant), reception).json().path("purpose").asString())
                .isEqualTo("marketing.email");
    }

    @Test
    void everyDecisionIsAnnouncedOnConsentEventsWithoutPlaintext() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "announce-" + UUID.randomUUID() + "@example.com";
        String subjectId = decide(calls, email, "marketing.email", true, reception).json().path("subjectId").asString();
        decide(calls, email, "marketing.email", false, reception);

        try (PrivacyRequestProbe probe = new PrivacyRequestProbe()) {
            List<ConsumerRecord<byte[], byte[]>> events = probe.records(Topics.CONSENT_EVENTS, Duration.ofSeconds(30), 2,
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains(subjectId));
            assertThat(events).extracting(r -> PrivacyRequestProbe.header(r, "ce_type").orElseThrow()).containsExactly(
                    "uk.alluris.consent.ConsentGranted.v1", "uk.alluris.consent.ConsentWithdrawn.v1");
            assertThat(events).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .contains(indexer.email(email)).doesNotContain(email).doesNotContain("203.0.113"));
        }
    }

    @Test
    void aDecisionCanBeRecordedBySubjectIdAlone() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String subjectId = UUID.randomUUID().toString();

        Answer answer = calls.post("/api/consents", """
                {"subjectId":"%s","purpose":"cookies.advertising","granted":true,"policyVersion":"2026-01",
                 "channel":"IN_CLINIC","evidence":{"formId":"paper-7"}}
                """.formatted(subjectId), reception);

        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        JsonNode person = calls.get("/api/consents?subjectId=" + subjectId, reception).json();
        assertThat(person.path("current").path("cookies.advertising").path("channel").asString()).isEqualTo("IN_CLINIC");
        assertThat(person.path("history")).hasSize(1);
    }

    @Test
    void ipAddressesAreKeptOnlyAnonymised() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String v4 = "ip4-" + UUID.randomUUID() + "@example.com";
        String v6 = "ip6-" + UUID.randomUUID() + "@example.com";

        Answer ipv4 = calls.post("/api/consents", body(v4, "marketing.email", "WEB", "203.0.113.45"), reception);
        Answer ipv6 = calls.post("/api/consents", body(v6, "marketing.email", "WEB", "2001:db8:85a3:1234:5678:9abc:def0:1"),
                reception);

        assertThat(ipv4.json().path("evidence").path("ipAddress").asString()).isEqualTo("203.0.113.0");
        assertThat(ipv6.json().path("evidence").path("ipAddress").asString()).isEqualTo("2001:db8:85a3:0:0:0:0:0");
        assertThat(raw(id(ipv4)).toJson()).contains("203.0.113.0").doesNotContain("203.0.113.45");
        assertThat(raw(id(ipv6)).toJson()).doesNotContain("85a3:1234").doesNotContain("def0:1");
    }

    @Test
    void theEvidenceDigestCanBeRecomputedFromTheStoredEntry() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "digest-" + UUID.randomUUID() + "@example.com";
        JsonNode entry = decide(calls, email, "photos.marketing.anonymised", true, reception).json();

        Document stored = raw(entry.path("id").asString());
        Document evidence = stored.get("evidence", Document.class);
        String recomputed = LedgerEntry.digestOf(new Evidence(evidence.getString("source"), evidence.getString("formId"),
                evidence.getString("consentText"), evidence.getString("ipAddress"), evidence.getString("userAgent"),
                evidence.getString("note")), stored.getString("email"), stored.getString("purpose"),
                stored.getBoolean("granted"), stored.getString("policyVersion"), stored.getDate("recordedAt").toInstant());

        assertThat(recomputed).isEqualTo(stored.getString("evidenceDigest")).isEqualTo(entry.path("evidenceDigest").asString());
        assertThat(LedgerEntry.digestOf(null, email, "photos.marketing.anonymised", true, "2026-01",
                Instant.parse(entry.path("recordedAt").asString()))).isNotEqualTo(recomputed);
    }

    @Test
    void aClientRecordsAndReadsOnlyTheirOwnConsents() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String mine = "own-" + UUID.randomUUID() + "@example.com";
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(mine));
        JsonNode theirEntry = decide(calls, theirs, "cookies.analytics", true, reception).json();

        assertThat(decide(calls, mine, "cookies.analytics", true, client).status()).isEqualTo(201);
        assertThat(calls.get("/api/consents?email=" + mine, client).json().path("history")).hasSize(1);
        Answer forSomeoneElse = decide(calls, theirs, "cookies.analytics", false, client);
        assertThat(forSomeoneElse.status()).isEqualTo(403);
        assertThat(forSomeoneElse.isProblem()).isTrue();
        assertThat(calls.get("/api/consents?email=" + theirs, client).status()).isEqualTo(403);
        assertThat(calls.get("/api/consents?subjectId=" + theirEntry.path("subjectId").asString(), client).status())
                .isEqualTo(403);
        assertThat(calls.post("/api/consents", """
                {"email":"%s","subjectId":"%s","purpose":"cookies.analytics","granted":false,"policyVersion":"2026-01","channel":"WEB"}
                """.formatted(mine, theirEntry.path("subjectId").asString()), client).status()).isEqualTo(403);
        assertThat(calls.get("/api/consents/" + theirEntry.path("id").asString(), client).status()).isEqualTo(404);
        assertThat(calls.get("/api/consents?email=" + theirs, reception).json().path("history")).hasSize(1);
    }

    @Test
    void aPersonTheLedgerNeverMetHasNoCurrentStateAndNoHistory() {
        JsonNode person = ServiceCalls.onPort(port)
                .get("/api/consents?email=stranger-" + UUID.randomUUID() + "@example.com", reception).json();

        assertThat(person.path("current").isObject()).isTrue();
        assertThat(person.path("current").isEmpty()).isTrue();
        assertThat(person.path("history").isArray()).isTrue();
        assertThat(person.path("history").isEmpty()).isTrue();
    }

    @Test
    void anUnknownEntryIsA404ProblemWhateverItsId() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        assertThat(List.of(calls.get("/api/consents/" + UUID.randomUUID(), reception),
                calls.get("/api/consents/not-a-uuid", reception))).allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.text()).isEqualTo(404);
                    assertThat(answer.isProblem()).isTrue();
                });
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("ledger").countDocuments();
        List<Answer> answers = List.of(
                calls.post("/api/consents", body("a@example.com", "marketing.carrier-pigeon", "WEB", "1.2.3.4"), reception),
                calls.post("/api/consents", body(null, "marketing.email", "WEB", "1.2.3.4"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "TELEPATHY", "1.2.3.4"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "PRIVACY_REQUEST", "1.2.3.4"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "WEB", "not-an-ip"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "WEB", "999.1.2.3"), reception),
                calls.post("/api/consents", body("not-an-email", "marketing.email", "WEB", "1.2.3.4"), reception),
                calls.post("/api/consents", """
                        {"email":"a@example.com","purpose":"marketing.email","policyVersion":"2026-01","channel":"WEB"}
                        """, reception),
                calls.post("/api/consents", "{not json", reception),
                calls.get("/api/consents", reception));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(mongo.getCollection("ledger").countDocuments()).isEqualTo(before);
    }

    private Document raw(String id) {
        return mongo.getCollection("ledger").find(new Document("_id", UUID.fromString(id))).first();
    }

    private static String id(Answer answer) {
        return answer.json().path("id").asString();
    }

    private Answer decide(ServiceCalls calls, String email, String purpose, boolean granted, String token) {
        return calls.post("/api/consents", """
                {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0","consentText":"Email me offers"}}
                """.formatted(email, purpose, granted), token);
    }

    private static String body(String email, String purpose, String channel, String ip) {
        return """
                {%s"purpose":"%s","granted":true,"policyVersion":"2026-01","channel":"%s","evidence":{"ipAddress":"%s"}}
                """.formatted(email == null ? "" : "\"email\":\"" + email + "\",", purpose, channel, ip);
    }
}
