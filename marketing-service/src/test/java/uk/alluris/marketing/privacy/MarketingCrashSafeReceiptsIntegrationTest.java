package uk.alluris.marketing.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
import uk.alluris.marketing.suppression.SuppressionPrivacy;
import uk.alluris.testsupport.CrashDrill;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Same context as the other marketing integration tests: marketing dies at each point of an erasure in turn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MarketingCrashSafeReceiptsIntegrationTest {

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

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void killedAtAnyPointOfAnErasureMarketingStillSendsAReceiptOfEverythingThePersonHad() {
        List<String> points = CrashDrill.atEveryPoint(effects::onCheckpoint, this::subscriberOnTwoLists);

        assertThat(points).contains("planned person-email-indexes", "planned suppression-list-phone-indexes",
                "planned subscribers", "planned list-memberships", "acted", "receipt saved");
    }

    private CrashDrill.Attempt<List<CategoryOutcome>> subscriberOnTwoLists() {
        String email = "crash-" + UUID.randomUUID() + "@example.com";
        // 07911 125000-129999: valid UK mobiles, none of which another test subscribes
        String phone = "+44791112" + (5000 + ThreadLocalRandom.current().nextInt(5000));
        ServiceCalls.Answer subscribed = ServiceCalls.onPort(port).post("/api/marketing/subscribers", """
                {"email":"%s","phone":"%s","fullName":"Lee Park","lists":["newsletter","offers"],"source":"website"}
                """.formatted(email, phone), admin);
        assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
        // named by email only: the phone the subscriber gave is found, suppressed and counted too
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
                assertThat(categories).contains(CategoryOutcome.of("subscribers", Outcome.ERASED, 1),
                        CategoryOutcome.of("list-memberships", Outcome.ERASED, 2),
                        CategoryOutcome.retained("suppression-list", 2, SuppressionPrivacy.GROUND, null));
                return categories;
            }
        };
    }
}
