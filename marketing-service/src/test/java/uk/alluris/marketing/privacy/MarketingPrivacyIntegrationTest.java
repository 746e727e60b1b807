package uk.alluris.marketing.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Erasure, objection and restriction in marketing: gone, suppressed, never re-added; the same receipt when asked again. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MarketingPrivacyIntegrationTest {

    private static final String SERVICE = "marketing-service";
    private static final String GROUND = MarketingPrivacy.SUPPRESSION_GROUND;
    private static PrivacyRequestProbe probe;

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;

    private final String admin = TestTokens.get().staff("ADMIN");

    @BeforeAll
    static void openProbe() {
        probe = new PrivacyRequestProbe();
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    @Test
    void anErasedPersonIsGoneSuppressedAndCanNeverBeSubscribedAgain() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "erased-" + UUID.randomUUID() + "@example.com";
        Answer subscribed = subscribe(calls, email, "07911 123459");
        assertThat(subscribed.status()).as(subscribed.text()).isEqualTo(201);
        String id = subscribed.json().path("id").asString();
        UUID requestId = UUID.randomUUID();
        // named by email only: the phone the subscriber gave is suppressed too
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email));

        probe.publish(erasure);
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("subscribers", Outcome.ERASED, 1),
                CategoryOutcome.of("list-memberships", Outcome.ERASED, 2),
                CategoryOutcome.retained("suppression-list", 2, GROUND, null));
        assertThat(calls.get("/api/marketing/subscribers/" + id, admin).status()).isEqualTo(404);
        Answer again = subscribe(calls, email, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("title").asString()).isEqualTo("Suppressed");
        assertThat(again.text()).doesNotContain(email);
        assertThat(subscribe(calls, "other-" + UUID.randomUUID() + "@example.com", "07911 123459").status()).isEqualTo(409);

        probe.publish(erasure);
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, erasure.subject()));
        assertThat(probe.receipts(requestId, SERVICE, 2, Duration.ofSeconds(30))).extracting(ReceiptIssued::categories)
                .containsOnly(receipt.categories());
        assertThat(calls.get("/api/marketing/suppression", admin).json().path("ERASURE").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anObjectionUnsubscribesEverywhereAndSuppresses() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "objects-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(calls, email, null).json().path("id").asString();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("list-memberships", Outcome.WITHDRAWN, 2),
                CategoryOutcome.retained("suppression-list", 1, GROUND, null));
        assertThat(calls.get("/api/marketing/subscribers/" + id, admin).json().path("lists")).isEmpty();
        assertThat(subscribe(calls, email, null).status()).isEqualTo(409);
    }

    @Test
    void aRestrictedPersonCannotBeAddedUntilTheRestrictionIsLifted() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0));
        Answer refused = subscribe(calls, email, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0));
        assertThat(subscribe(calls, email, null).status()).isEqualTo(201);
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private Answer subscribe(ServiceCalls calls, String email, String phone) {
        return calls.post("/api/marketing/subscribers", """
                {"email":"%s"%s,"fullName":"Lee Park","lists":["newsletter","offers"],"source":"website"}
                """.formatted(email, phone == null ? "" : ",\"phone\":\"" + phone + "\""), admin);
    }
}
