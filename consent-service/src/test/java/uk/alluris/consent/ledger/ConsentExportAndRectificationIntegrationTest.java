package uk.alluris.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Access/portability: the ledger history and current state; rectification: nothing the ledger may rewrite. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ConsentExportAndRectificationIntegrationTest {

    private static final String SERVICE = "consent-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    TransportSeal transportSeal;

    private final String staff = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void anExportHoldsThePersonsWholeLedgerHistoryAndCurrentStateAndNothingOfAnyoneElse() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "export-" + UUID.randomUUID() + "@example.com";
        String grant = decide(calls, email, "marketing.email", true).json().path("id").asString();
        decide(calls, email, "marketing.email", false);
        decide(calls, email, "marketing.sms", true);
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        String otherEntry = decide(calls, otherEmail, "marketing.email", true).json().path("id").asString();
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, byEmail(email), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("consent-history", Outcome.EXPORTED, 3),
                CategoryOutcome.of("consent-current-state", Outcome.EXPORTED, 2));
        String text = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode data = JSON.readTree(text).path("data");
        JsonNode history = data.path("consent-history");
        assertThat(history.valueStream().map(d -> d.path("purpose").asString() + ":" + d.path("decision").asString())
                .toList()).containsExactly("marketing.email:granted", "marketing.email:withdrawn", "marketing.sms:granted");
        JsonNode first = history.get(0);
        assertThat(first.path("decisionId").asString()).isEqualTo(grant);
        assertThat(first.path("channel").asString()).isEqualTo("WEB");
        assertThat(first.path("policyVersion").asString()).isEqualTo("2026-01");
        assertThat(first.path("email").asString()).isEqualTo(email);
        assertThat(first.path("evidence").path("source").asString()).isEqualTo("portal");
        assertThat(first.path("evidence").path("consentText").asString()).isEqualTo("Email me offers");
        assertThat(first.path("evidence").path("ipAddress").asString()).isEqualTo("203.0.113.0");
        assertThat(first.path("evidenceDigest").asString()).hasSize(64);
        assertThat(first.path("recordedAt").asString()).isNotBlank();
        assertThat(first.path("usedForProcessing").asBoolean()).isTrue();
        JsonNode current = data.path("consent-current-state");
        assertThat(current.valueStream().map(s -> s.path("purpose").asString() + ":" + s.path("granted").asBoolean())
                .toList()).containsExactly("marketing.email:false", "marketing.sms:true");
        assertThat(text).doesNotContain(otherEmail).doesNotContain(otherEntry).doesNotContain(indexer.email(email))
                .doesNotContain("emailIndex").doesNotContain("outbox");
    }

    @Test
    void afterAnErasureTheExportShowsThePseudonymousProofAndSaysThePersonalDataWasErased() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "erased-" + UUID.randomUUID() + "@example.com";
        String subjectId = decide(calls, email, "marketing.email", true).json().path("subjectId").asString();
        UUID erasure = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", erasure, byEmail(email)));
        probe.receipt(erasure, SERVICE);
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, new SubjectIdentifiers(List.of(subjectId), List.of(), List.of()), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("consent-history", Outcome.EXPORTED, 1),
                CategoryOutcome.of("consent-current-state", Outcome.EXPORTED, 1));
        String text = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode decision = JSON.readTree(text).path("data").path("consent-history").get(0);
        assertThat(decision.path("email").isNull()).isTrue();
        assertThat(decision.path("evidence").isNull()).isTrue();
        assertThat(decision.path("evidenceDigest").asString()).hasSize(64);
        assertThat(decision.path("personalDataErasedAt").isNull()).isFalse();
        assertThat(decision.path("note").asString()).isEqualTo(ConsentExport.ERASED);
        assertThat(text).doesNotContain(email);
    }

    @Test
    void aPersonTheLedgerNeverMetGetsAnExportThatSaysNothingIsHeld() throws Exception {
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, byEmail("stranger-" + requestId + "@example.com"), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("consent-history", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("consent-current-state", Outcome.NOT_HELD, 0));
        assertThat(JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE)).path("data")
                .path("consent-history").isEmpty()).isTrue();
    }

    @Test
    void rectificationLeavesTheLedgerAsEvidenceAndSaysNothingCorrectableIsHeld() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "rectify-" + UUID.randomUUID() + "@example.com";
        decide(calls, email, "marketing.email", true);
        UUID requestId = UUID.randomUUID();
        Corrections corrections = new Corrections("Ada Corrected", "corrected-" + requestId + "@example.com", null,
                LocalDate.of(1980, 1, 1));

        probe.publish(new RectificationRequested(UUID.randomUUID(), requestId, byEmail(email),
                LocalDate.now().plusMonths(1), Instant.now(), corrections.fields(),
                transportSeal.seal(corrections, requestId)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("consent-ledger", Outcome.NOT_HELD, 0));
        JsonNode person = calls.get("/api/consents?email=" + email, staff).json();
        assertThat(person.path("history")).hasSize(1);
        assertThat(person.path("history").get(0).path("email").asString()).isEqualTo(email);
    }

    private DataExportRequested exportRequest(UUID requestId, SubjectIdentifiers subject, KeysetHandle key) {
        return new DataExportRequested(UUID.randomUUID(), requestId, subject, LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.PORTABILITY, ExportSeal.publicKeyOf(key));
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private ServiceCalls.Answer decide(ServiceCalls calls, String email, String purpose, boolean granted) {
        ServiceCalls.Answer answer = calls.post("/api/consents", """
                {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0","consentText":"Email me offers"}}
                """.formatted(email, purpose, granted), staff);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer;
    }
}
