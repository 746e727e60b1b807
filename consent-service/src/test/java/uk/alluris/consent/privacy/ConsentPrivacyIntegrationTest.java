package uk.alluris.consent.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
    private static PrivacyRequestProbe probe;

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    private final String staff = TestTokens.get().staff("PRIVACY_OFFICER");

    @BeforeAll
    static void openProbe() {
        probe = new PrivacyRequestProbe();
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @Test
    void erasureRemovesPersonalDataAndKeepsThePseudonymousProofOfEachDecision() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "proof-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.email", true);
        decide(calls, email, "marketing.email", false);
        UUID requestId = UUID.randomUUID();
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email));

        probe.publish(erasure);
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("consent-personal-data", Outcome.ERASED, 2),
                CategoryOutcome.retained("consent-proof", 2, ConsentPrivacy.PROOF_GROUND,
                        LocalDate.now(ZoneId.of("Europe/London")).plusYears(6)));
        List<Document> raw = mongo.getCollection("ledger").find(new Document("emailIndex", indexer.email(email)))
                .into(new ArrayList<>());
        assertThat(raw).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.toJson()).doesNotContain(email).doesNotContain("203.0.113").doesNotContain("Mozilla");
            assertThat(entry.getString("purpose")).isEqualTo("marketing.email");
            assertThat(entry.getString("evidenceDigest")).hasSize(64);
        });

        probe.publish(erasure);
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, erasure.subject()));
        assertThat(probe.receipts(requestId, SERVICE, 2, Duration.ofSeconds(30))).extracting(ReceiptIssued::categories)
                .containsOnly(receipt.categories());
    }

    @Test
    void anObjectionWithdrawsEveryGrantedMarketingPurposeAndNothingElse() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "objection-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.email", true);
        decide(calls, email, "photos.marketing.identifiable", true);
        decide(calls, email, "cookies.analytics", true);
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("marketing-consents", Outcome.WITHDRAWN, 2));
        JsonNode current = calls.get("/api/consents?email=" + email, staff).json().path("current");
        assertThat(current.path("marketing.email").path("granted").asBoolean()).isFalse();
        assertThat(current.path("marketing.email").path("channel").asString()).isEqualTo("PRIVACY_REQUEST");
        assertThat(current.path("photos.marketing.identifiable").path("granted").asBoolean()).isFalse();
        assertThat(current.path("cookies.analytics").path("granted").asBoolean()).isTrue();
    }

    @Test
    void whileRestrictedNoNewConsentIsUsedAndLiftingRestoresIt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.sms", true);
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.RESTRICTED, 1));
        assertThat(decide(calls, email, "marketing.email", true).status()).isEqualTo(409);
        assertThat(decide(calls, email, "marketing.sms", false).status()).isEqualTo(201);
        assertThat(calls.get("/api/consents?email=" + email, staff).json().path("restricted").asBoolean()).isTrue();

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consents", Outcome.RESTRICTION_LIFTED, 2));
        assertThat(decide(calls, email, "marketing.email", true).status()).isEqualTo(201);
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private ServiceCalls.Answer decide(ServiceCalls calls, String email, String purpose, boolean granted) {
        return calls.post("/api/consents", """
                {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0"}}
                """.formatted(email, purpose, granted), staff);
    }
}
