package uk.alluris.records.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.privacy.IssuedReceipt;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.testsupport.CrashDrill;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Same context as the other records integration tests: records dies at each point of an erasure of records still in
 * their retention period (kept, restricted; photos' marketing use withdrawn) in turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class RecordsCrashSafeReceiptsIntegrationTest {

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

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void killedAtAnyPointOfAnErasureRecordsStillSendsAReceiptOfEverythingThePersonHad() {
        List<String> points = CrashDrill.atEveryPoint(effects::onCheckpoint, this::clientWithAMarketedPhotoEntry);

        assertThat(points).contains("planned photos-marketing-use-entries", "planned photo-marketing-consents",
                "acted", "receipt saved");
    }

    private CrashDrill.Attempt<List<CategoryOutcome>> clientWithAMarketedPhotoEntry() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "crash-" + UUID.randomUUID() + "@example.com";
        OffsetDateTime lastVisit = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        entry(calls, email, "TREATMENT", lastVisit.minusDays(30), null);
        entry(calls, email, "PHOTO_METADATA", lastVisit, true);
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
                List<CategoryOutcome> categories = mongo.findById(erasure.requestId(), IssuedReceipt.class).categories();
                assertThat(categories).contains(CategoryOutcome.of("photos-marketing-use", Outcome.WITHDRAWN, 1));
                return categories;
            }
        };
    }

    /** An entry; a legacy one carries the retired {@code marketingUse} flag, set in the store as old entries have it. */
    private void entry(ServiceCalls calls, String email, String kind, OffsetDateTime at, Boolean legacyMarketingUse) {
        var answer = calls.post("/api/records/entries", """
                {"email":"%s","dateOfBirth":"1980-02-02","kind":"%s","recordedAt":"%s",
                 "fields":{"product":"Juvederm","dose":"1ml"},"notes":"notes for %s"}
                """.formatted(email, kind, at, kind), clinician);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        if (Boolean.TRUE.equals(legacyMarketingUse)) {
            RecordsPrivacyIntegrationTest.markedForMarketingBeforeTheFlagWasRetired(mongo,
                    answer.json().path("id").asString());
        }
    }
}
