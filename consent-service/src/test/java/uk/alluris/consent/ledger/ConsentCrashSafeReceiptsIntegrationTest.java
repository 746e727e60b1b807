package uk.alluris.consent.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.privacy.IssuedReceipt;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.testsupport.CrashDrill;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Same context as the other consent integration tests: consent dies at each point of an erasure in turn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ConsentCrashSafeReceiptsIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    /** The kit's typed consumer of privacy.requests, as the binder hands it each message. */
    @Autowired
    @Qualifier("privacyRequests")
    Consumer<Message<byte[]>> privacyRequests;
    @Autowired
    PrivacyEffects effects;

    private final String staff = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void killedAtAnyPointOfAnErasureConsentStillSendsAReceiptOfEverythingThePersonHad() {
        List<String> points = CrashDrill.atEveryPoint(effects::onCheckpoint, this::personWithThreeDecisions);

        assertThat(points).contains("planned consent-personal-data", "planned consent-proof", "acted",
                "receipt saved");
    }

    private CrashDrill.Attempt<List<CategoryOutcome>> personWithThreeDecisions() {
        String email = "crash-" + UUID.randomUUID() + "@example.com";
        ServiceCalls calls = ServiceCalls.onPort(port);
        decide(calls, email, "marketing.email", true);
        decide(calls, email, "marketing.sms", true);
        decide(calls, email, "marketing.email", false);
        ErasureRequested erasure = new ErasureRequested(UUID.randomUUID(), UUID.randomUUID(),
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of()),
                LocalDate.now().plusDays(30), Instant.now());
        return new CrashDrill.Attempt<>() {
            @Override
            public void deliver() {
                privacyRequests.accept(OutboxMessage.of(erasure).toMessage("/alluris/rights-request-service"));
            }

            @Override
            public List<CategoryOutcome> receipt() {
                return mongo.findById(erasure.requestId(), IssuedReceipt.class).categories();
            }
        };
    }

    private void decide(ServiceCalls calls, String email, String purpose, boolean granted) {
        assertThat(calls.post("/api/consents", """
                {"email":"%s","purpose":"%s","granted":%s,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0","consentText":"Email me offers"}}
                """.formatted(email, purpose, granted), staff).status()).isEqualTo(201);
    }
}
