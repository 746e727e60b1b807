package uk.alluris.marketing.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.IssuedReceipt;
import uk.alluris.marketing.suppression.SuppressionEntry.Reason;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.marketing.suppression.SuppressionPrivacy;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Privacy requests on the real broker: erasure, objection and restriction in marketing — gone, suppressed, never
 * re-added; the same receipt when asked again; an unreadable request parked in the group's DLQ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MarketingPrivacyIntegrationTest {

    private static final String SERVICE = "marketing-service";
    private static final String GROUND = SuppressionPrivacy.GROUND;
    private static final CategoryOutcome NOT_HELD_LEADS = CategoryOutcome.of("leads", Outcome.NOT_HELD, 0);
    private static final CategoryOutcome NOT_HELD_SENDS = CategoryOutcome.of("campaign-sends", Outcome.NOT_HELD, 0);
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    MongoTemplate mongo;

    private final String admin = TestTokens.get().staff("ADMIN");

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

        assertThat(receipt.requestType()).isEqualTo("ERASURE");
        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("subscribers", Outcome.ERASED, 1),
                CategoryOutcome.of("list-memberships", Outcome.ERASED, 2), NOT_HELD_LEADS, NOT_HELD_SENDS,
                CategoryOutcome.retained("suppression-list", 2, GROUND, null));
        assertThat(calls.get("/api/marketing/subscribers/" + id, admin).status()).isEqualTo(404);
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        assertThat(suppression.reasonsFor(indexer.email(email), indexer.phone("07911 123459")))
                .containsExactly(Reason.ERASURE);
        Answer again = subscribe(calls, email, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("title").asString()).isEqualTo("Suppressed");
        assertThat(again.text()).doesNotContain(email);
        assertThat(subscribe(calls, "other-" + UUID.randomUUID() + "@example.com", "07911 123459").status()).isEqualTo(409);
        assertThat(calls.get("/api/marketing/suppression", admin).json().path("ERASURE").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anErasureDeliveredAgainOrAskedAgainActsOnceAndSendsTheSameReceipt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        assertThat(subscribe(calls, email, null).status()).isEqualTo(201);
        UUID requestId = UUID.randomUUID();
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email));
        probe.publish(erasure);
        ReceiptIssued first = probe.receipt(requestId, SERVICE);
        long suppressedBefore = mongo.getCollection("suppression_list").countDocuments();

        probe.publish(erasure); // the same message again: same ce_id, skipped
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, erasure.subject())); // asked again: a new event

        List<ReceiptIssued> receipts = probe.receipts(requestId, SERVICE, 2, Duration.ofSeconds(30));
        assertThat(receipts).extracting(ReceiptIssued::categories).containsOnly(first.categories());
        assertThat(first.categories()).containsExactly(CategoryOutcome.of("subscribers", Outcome.ERASED, 1),
                CategoryOutcome.of("list-memberships", Outcome.ERASED, 2), NOT_HELD_LEADS, NOT_HELD_SENDS,
                CategoryOutcome.retained("suppression-list", 1, GROUND, null));
        // both requests were in the same partition, so the redelivery had been seen before the second receipt went out
        assertThat(mongo.findById(requestId, IssuedReceipt.class).timesSent()).isEqualTo(2);
        assertThat(mongo.getCollection("suppression_list").countDocuments()).isEqualTo(suppressedBefore);
    }

    @Test
    void anObjectionUnsubscribesEverywhereAndSuppresses() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "objects-" + UUID.randomUUID() + "@example.com";
        String id = subscribe(calls, email, null).json().path("id").asString();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("list-memberships", Outcome.WITHDRAWN, 2), NOT_HELD_LEADS,
                CategoryOutcome.retained("suppression-list", 1, GROUND, null));
        Answer kept = calls.get("/api/marketing/subscribers/" + id, admin);
        assertThat(kept.json().path("lists")).isEmpty();
        assertThat(kept.json().path("unsubscribedAt").isNull()).isFalse();
        assertThat(suppression.reasonsFor(indexer.email(email), null)).containsExactly(Reason.OBJECTION);
        Answer refused = subscribe(calls, email, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Suppressed");
    }

    @Test
    void anObjectionFromSomeoneNotHeldIsNotHeldButStillSuppressed() {
        String email = "stranger-" + UUID.randomUUID() + "@example.com";
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("list-memberships", Outcome.NOT_HELD, 0), NOT_HELD_LEADS,
                CategoryOutcome.retained("suppression-list", 1, GROUND, null));
        assertThat(subscribe(ServiceCalls.onPort(port), email, null).status()).isEqualTo(409);
    }

    @Test
    void aRestrictedPersonCannotBeAddedUntilTheRestrictionIsLifted() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0), NOT_HELD_LEADS);
        Answer refused = subscribe(calls, email, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0), NOT_HELD_LEADS);
        assertThat(subscribe(calls, email, null).status()).isEqualTo(201);
    }

    @Test
    void aRestrictedSubscriberIsShownRestrictedAndSuppressedUntilLiftedThenSubscribesAgain() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "round-trip-" + UUID.randomUUID() + "@example.com";
        String phone = "07911 123452";
        String id = subscribe(calls, email, phone).json().path("id").asString();
        UUID restriction = UUID.randomUUID();
        // restricted by email and phone, lifted by email alone: both are released
        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction,
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of(indexer.phone(phone)))));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.RESTRICTED, 1), NOT_HELD_LEADS);
        Answer view = calls.get("/api/marketing/subscribers/" + id, admin);
        assertThat(view.json().path("restricted").asBoolean()).isTrue();
        assertThat(view.json().path("lists")).hasSize(2);
        assertThat(suppression.reasonsFor(indexer.email(email), null)).containsExactly(Reason.RESTRICTION);
        assertThat(suppression.reasonsFor(null, indexer.phone(phone))).containsExactly(Reason.RESTRICTION);
        assertThat(subscribe(calls, email, null).json().path("title").asString()).isEqualTo("Restricted");

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.RESTRICTION_LIFTED, 1), NOT_HELD_LEADS);
        assertThat(calls.get("/api/marketing/subscribers/" + id, admin).json().path("restricted").asBoolean()).isFalse();
        assertThat(suppression.reasonsFor(indexer.email(email), indexer.phone(phone))).isEmpty();
        Answer again = subscribe(calls, email, phone);
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().path("id").asString()).isEqualTo(id);
    }

    @Test
    void anErasureDuringARestrictionStaysSuppressedWhenTheRestrictionIsLifted() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-then-erased-" + UUID.randomUUID() + "@example.com";
        subscribe(calls, email, null);
        UUID restriction = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));
        probe.receipt(restriction, SERVICE);
        UUID erasure = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", erasure, byEmail(email)));
        probe.receipt(erasure, SERVICE);
        UUID lift = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0), NOT_HELD_LEADS);
        assertThat(suppression.reasonsFor(indexer.email(email), null)).containsExactly(Reason.ERASURE);
        Answer refused = subscribe(calls, email, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Suppressed");
    }

    @Test
    void aMalformedRequestIsParkedInTheDeadLetterTopicAndTheNextOneIsStillAnswered() {
        String marker = "malformed-" + UUID.randomUUID();
        probe.publishRaw(Topics.PRIVACY_REQUESTS, marker, "not json " + marker, "uk.alluris.privacy.ErasureRequested.v1");
        UUID requestId = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId,
                byEmail("after-" + marker + "@example.com")));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("subscribers", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("list-memberships", Outcome.NOT_HELD, 0), NOT_HELD_LEADS, NOT_HELD_SENDS,
                CategoryOutcome.retained("suppression-list", 1, GROUND, null));
        assertThat(probe.records(Topics.deadLetterTopic(Topics.PRIVACY_REQUESTS, SERVICE), Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))).hasSize(1);
        assertThat("error.privacy.requests.marketing-service")
                .isEqualTo(Topics.deadLetterTopic(Topics.PRIVACY_REQUESTS, SERVICE));
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
