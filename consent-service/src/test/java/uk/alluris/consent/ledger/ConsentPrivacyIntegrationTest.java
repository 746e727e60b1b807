package uk.alluris.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Erasure keeps pseudonymous proof only; an objection withdraws every marketing purpose; restriction stops new grants. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ConsentPrivacyIntegrationTest {

    private static final String SERVICE = "consent-service";
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    private final String staff = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void erasureRemovesPersonalDataAndKeepsThePseudonymousProofOfEachDecision() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "proof-" + UUID.randomUUID() + "@example.com";
        JsonNode grant = decide(calls, email, "marketing.email", true).json();
        decide(calls, email, "marketing.email", false);
        UUID requestId = UUID.randomUUID();
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email));

        probe.publish(erasure);
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("consent-personal-data", Outcome.ERASED, 2),
                CategoryOutcome.retained("consent-proof", 2,
                        "Legal obligation (UK GDPR Art. 7(1), PECR): pseudonymous proof of each consent and withdrawal",
                        LocalDate.now(ZoneId.of("Europe/London")).plusYears(6)));
        List<Document> raw = mongo.getCollection("ledger").find(new Document("subjectId", grant.path("subjectId").asString()))
                .sort(new Document("recordedAt", 1)).into(new ArrayList<>());
        assertThat(raw).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.toJson()).doesNotContain(email).doesNotContain("203.0.113").doesNotContain("Mozilla")
                    .doesNotContain("Email me offers");
            assertThat(entry.get("email")).isNull();
            assertThat(entry.get("evidence")).isNull();
            assertThat(entry.getString("emailIndex")).isEqualTo(indexer.email(email));
            assertThat(entry.getString("purpose")).isEqualTo("marketing.email");
            assertThat(entry.getString("policyVersion")).isEqualTo("2026-01");
            assertThat(entry.getString("channel")).isEqualTo("WEB");
            assertThat(entry.getDate("recordedAt")).isNotNull();
            assertThat(entry.getDate("erasedAt")).isNotNull();
            assertThat(entry.getString("evidenceDigest")).hasSize(64);
        });
        assertThat(raw).extracting(entry -> entry.getBoolean("granted")).containsExactly(true, false);
        JsonNode person = calls.get("/api/consents?email=" + email, staff).json();
        assertThat(person.path("history")).hasSize(2);
        assertThat(person.path("current").path("marketing.email").path("granted").asBoolean()).isFalse();
    }

    @Test
    void theProofKeptAfterErasureStillMatchesACopyOfTheEvidence() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "copy-" + UUID.randomUUID() + "@example.com";
        JsonNode grant = decide(calls, email, "photos.marketing.identifiable", true).json();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email)));
        probe.receipt(requestId, SERVICE);

        JsonNode copy = grant.path("evidence");
        String recomputed = LedgerEntry.digestOf(new Evidence(copy.path("source").asString(), null,
                copy.path("consentText").asString(), copy.path("ipAddress").asString(), copy.path("userAgent").asString(),
                null), email, "photos.marketing.identifiable", true, "2026-01",
                Instant.parse(grant.path("recordedAt").asString()));
        JsonNode kept = calls.get("/api/consents/" + grant.path("id").asString(), staff).json();
        assertThat(kept.path("email").isNull()).isTrue();
        assertThat(kept.path("evidence").isNull()).isTrue();
        assertThat(kept.path("evidenceDigest").asString()).isEqualTo(recomputed);
    }

    @Test
    void aRedeliveredOrRepeatedErasureChangesNothingTwiceAndGetsTheSameReceipt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "again-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.sms", true);
        UUID requestId = UUID.randomUUID();
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email));
        probe.publish(erasure);
        ReceiptIssued first = probe.receipt(requestId, SERVICE);
        Object erasedAt = erasedAt(email);

        probe.publish(erasure);
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, erasure.subject()));

        List<ReceiptIssued> receipts = probe.receipts(requestId, SERVICE, 2, Duration.ofSeconds(30));
        assertThat(receipts).extracting(ReceiptIssued::categories).containsOnly(first.categories());
        assertThat(first.categories()).contains(CategoryOutcome.of("consent-personal-data", Outcome.ERASED, 1));
        assertThat(erasedAt).isNotNull();
        assertThat(erasedAt(email)).isEqualTo(erasedAt);

        UUID secondRequest = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", secondRequest, byEmail(email)));
        assertThat(probe.receipt(secondRequest, SERVICE).categories()).startsWith(
                CategoryOutcome.of("consent-personal-data", Outcome.NOT_HELD, 0));
    }

    @Test
    void aPersonTheLedgerNeverMetGetsAReceiptSayingNothingIsHeld() {
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail("stranger-" + requestId + "@example.com")));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("consent-personal-data", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("consent-proof", Outcome.NOT_HELD, 0));
    }

    @Test
    void anObjectionWithdrawsEveryGrantedMarketingPurposeAndNothingElse() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "objection-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.email", true);
        decide(calls, email, "marketing.phone", true);
        decide(calls, email, "marketing.phone", false);
        decide(calls, email, "photos.marketing.identifiable", true);
        decide(calls, email, "cookies.analytics", true);
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("marketing-consents", Outcome.WITHDRAWN, 2));
        JsonNode person = calls.get("/api/consents?email=" + email, staff).json();
        JsonNode current = person.path("current");
        assertThat(current.path("marketing.email").path("granted").asBoolean()).isFalse();
        assertThat(current.path("marketing.email").path("channel").asString()).isEqualTo("PRIVACY_REQUEST");
        assertThat(current.path("photos.marketing.identifiable").path("granted").asBoolean()).isFalse();
        assertThat(current.path("marketing.phone").path("channel").asString()).isEqualTo("WEB");
        assertThat(current.path("cookies.analytics").path("granted").asBoolean()).isTrue();
        JsonNode withdrawal = person.path("history").get(person.path("history").size() - 1);
        assertThat(withdrawal.path("email").asString()).isEqualTo(email);
        assertThat(withdrawal.path("evidence").path("note").asString())
                .isEqualTo("objection to marketing via privacy request");
        assertThat(mongo.getCollection("ledger").countDocuments(new Document("emailIndex", indexer.email(email))
                .append("channel", "PRIVACY_REQUEST"))).isEqualTo(2);

        UUID again = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", again, byEmail(email)));
        assertThat(probe.receipt(again, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("marketing-consents", Outcome.NOT_HELD, 0));
    }

    @Test
    void whileRestrictedNoNewConsentIsUsedAndLiftingRestoresIt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        String subjectId = decide(calls, email, "marketing.sms", true).json().path("subjectId").asString();
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.RESTRICTED, 1));
        ServiceCalls.Answer refused = decide(calls, email, "marketing.email", true);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("no new consents are used for processing while restricted");
        assertThat(calls.post("/api/consents", """
                {"subjectId":"%s","purpose":"cookies.analytics","granted":true,"policyVersion":"2026-01","channel":"PHONE"}
                """.formatted(subjectId), staff).status()).isEqualTo(409);
        assertThat(decide(calls, email, "marketing.sms", false).status()).isEqualTo(201);
        assertThat(calls.get("/api/consents?email=" + email, staff).json().path("restricted").asBoolean()).isTrue();

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.RESTRICTION_LIFTED, 2));
        assertThat(decide(calls, email, "marketing.email", true).status()).isEqualTo(201);
        assertThat(calls.get("/api/consents?email=" + email, staff).json().path("restricted").asBoolean()).isFalse();
    }

    @Test
    void aRestrictionOfSomeoneTheLedgerNeverMetStillRefusesTheirFirstGrant() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "unmet-" + UUID.randomUUID() + "@example.com";
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.NOT_HELD, 0));
        assertThat(decide(calls, email, "marketing.email", true).status()).isEqualTo(409);
        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));
        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.NOT_HELD, 0));
        assertThat(decide(calls, email, "marketing.email", true).status()).isEqualTo(201);
    }

    @Test
    void aMalformedRequestIsParkedInTheDeadLetterTopicAndTheNextOneIsStillAnswered() {
        String marker = "malformed-" + UUID.randomUUID();
        probe.publishRaw(Topics.PRIVACY_REQUESTS, marker, "not json " + marker, "uk.alluris.privacy.ErasureRequested.v1");
        UUID requestId = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail("after-" + marker + "@example.com")));

        assertThat(probe.receipt(requestId, SERVICE)).isNotNull();
        assertThat(probe.records("error.privacy.requests.consent-service", Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))).hasSize(1);
    }

    private Object erasedAt(String email) {
        return mongo.getCollection("ledger").find(new Document("emailIndex", indexer.email(email))).first().get("erasedAt");
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private ServiceCalls.Answer decide(ServiceCalls calls, String email, String purpose, boolean granted) {
        return calls.post("/api/consents", """
                {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0","consentText":"Email me offers"}}
                """.formatted(email, purpose, granted), staff);
    }
}
