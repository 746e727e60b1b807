package uk.alluris.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.identity.BlindIndexer;
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

        Answer grant = decide(calls, email, "marketing.email", true, reception);
        Answer sms = decide(calls, email, "marketing.sms", true, reception);
        Answer withdraw = decide(calls, email, "marketing.email", false, reception);

        assertThat(List.of(grant, sms, withdraw)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(grant.json().path("evidence").path("ipAddress").asString()).isEqualTo("203.0.113.0");
        assertThat(grant.json().path("evidenceDigest").asString()).hasSize(64);
        assertThat(sms.json().path("subjectId").asString()).isEqualTo(grant.json().path("subjectId").asString());
        JsonNode person = calls.get("/api/consents?email=" + email, reception).json();
        assertThat(person.path("current").path("marketing.email").path("granted").asBoolean()).isFalse();
        assertThat(person.path("current").path("marketing.sms").path("granted").asBoolean()).isTrue();
        assertThat(person.path("history")).hasSize(3);
        assertThat(calls.get("/api/consents/" + grant.json().path("id").asString(), reception).json().path("purpose")
                .asString()).isEqualTo("marketing.email");
    }

    @Test
    void aClientRecordsAndReadsOnlyTheirOwnConsents() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String mine = "own-" + UUID.randomUUID() + "@example.com";
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(mine));
        String theirEntry = decide(calls, theirs, "cookies.analytics", true, reception).json().path("id").asString();

        assertThat(decide(calls, mine, "cookies.analytics", true, client).status()).isEqualTo(201);
        assertThat(calls.get("/api/consents?email=" + mine, client).status()).isEqualTo(200);
        assertThat(decide(calls, theirs, "cookies.analytics", false, client).status()).isEqualTo(403);
        assertThat(calls.get("/api/consents?email=" + theirs, client).status()).isEqualTo(403);
        assertThat(calls.get("/api/consents/" + theirEntry, client).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("ledger").countDocuments();
        List<Answer> answers = List.of(
                calls.post("/api/consents", body("a@example.com", "marketing.carrier-pigeon", "WEB", "1.2.3.4"), reception),
                calls.post("/api/consents", body(null, "marketing.email", "WEB", "1.2.3.4"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "TELEPATHY", "1.2.3.4"), reception),
                calls.post("/api/consents", body("a@example.com", "marketing.email", "WEB", "not-an-ip"), reception),
                calls.post("/api/consents", body("not-an-email", "marketing.email", "WEB", "1.2.3.4"), reception),
                calls.get("/api/consents/not-a-uuid", reception));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(mongo.getCollection("ledger").countDocuments()).isEqualTo(before);
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
