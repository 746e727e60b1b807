package uk.alluris.rights.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestStatus;
import uk.alluris.rights.request.RequestType;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * An opt-out made in marketing or in the consent ledger becomes an objection to marketing that reaches every service.
 * On a port like the contract and access tests, so all of them share one Spring context (no request here uses it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class OptOutsIntegrationTest {

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @Autowired
    PrivacyRequests requests;
    @Autowired
    BlindIndexer indexer;

    @Test
    void aOneClickUnsubscribeIsFiledAsAVerifiedObjectionThatFansOutToEveryService() {
        String emailIndex = indexer.email("unsub-" + UUID.randomUUID() + "@example.com");
        String subscriber = UUID.randomUUID().toString();

        probe.publish(new SubscriberUnsubscribed(UUID.randomUUID(), subscriber, emailIndex, null, "one-click-unsubscribe",
                Instant.now()));

        PrivacyRequest filed = awaitOptOutFor(emailIndex);
        assertThat(filed.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(filed.origin()).isEqualTo("marketing-service");
        assertThat(filed.dueDate()).isNotNull();
        assertThat(filed.answers()).containsOnlyKeys("booking-service", "records-service", "consent-service",
                "marketing-service");
        assertThat(filed.evidence()).extracting(e -> e.step()).containsExactly("FILED", "VERIFIED");
        assertThat(filed.evidence().get(0).detail()).contains("one-click-unsubscribe");
        ConsumerRecord<byte[], byte[]> fannedOut = probe.records(Topics.PRIVACY_REQUESTS, Duration.ofSeconds(20), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(filed.id().toString())).get(0);
        assertThat(PrivacyRequestProbe.header(fannedOut, "ce_type"))
                .contains("uk.alluris.privacy.MarketingObjectionRequested.v1");
        assertThat(new String(fannedOut.value(), StandardCharsets.UTF_8)).contains(emailIndex).contains(subscriber);
    }

    @Test
    void aWithdrawalOfAMarketingPurposeInTheLedgerIsFiledOnceWhileItIsInProgress() {
        String emailIndex = indexer.email("withdraw-" + UUID.randomUUID() + "@example.com");
        String subject = UUID.randomUUID().toString();

        probe.publish(withdrawal(subject, emailIndex, "marketing.sms", "WEB"));
        awaitOptOutFor(emailIndex);
        // the same person withdraws a second channel a moment later, and marketing reports the unsubscribe it caused
        probe.publish(withdrawal(subject, emailIndex, "marketing.email", "WEB"));
        probe.publish(new SubscriberUnsubscribed(UUID.randomUUID(), subject, emailIndex, null, "one-click-unsubscribe",
                Instant.now()));
        String marker = indexer.email("marker-" + UUID.randomUUID() + "@example.com");
        probe.publish(new SubscriberUnsubscribed(UUID.randomUUID(), null, marker, null, "one-click-unsubscribe",
                Instant.now()));
        awaitOptOutFor(marker);

        assertThat(optOutsFor(emailIndex)).hasSize(1);
    }

    @Test
    void whatTheObjectionItselfCausesAndNonMarketingWithdrawalsAreNotFiled() {
        String emailIndex = indexer.email("loop-" + UUID.randomUUID() + "@example.com");

        probe.publish(withdrawal(UUID.randomUUID().toString(), emailIndex, "marketing.email", "PRIVACY_REQUEST"));
        probe.publish(withdrawal(UUID.randomUUID().toString(), emailIndex, "cookies.analytics", "WEB"));
        probe.publish(new SubscriberUnsubscribed(UUID.randomUUID(), null, emailIndex, null, "privacy-request",
                Instant.now()));
        probe.publishRaw(Topics.MARKETING_EVENTS, emailIndex, "{}", "uk.alluris.marketing.SomethingNew.v1");
        String marker = indexer.email("after-" + UUID.randomUUID() + "@example.com");
        probe.publish(withdrawal(UUID.randomUUID().toString(), marker, "marketing.phone", "PHONE"));
        awaitOptOutFor(marker);

        assertThat(optOutsFor(emailIndex)).isEmpty();
    }

    private static ConsentWithdrawn withdrawal(String subject, String emailIndex, String purpose, String channel) {
        return new ConsentWithdrawn(UUID.randomUUID(), subject, emailIndex, purpose, channel, "2026-01", Instant.now());
    }

    private PrivacyRequest awaitOptOutFor(String emailIndex) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !optOutsFor(emailIndex).isEmpty());
        return optOutsFor(emailIndex).get(0);
    }

    private List<PrivacyRequest> optOutsFor(String emailIndex) {
        return requests.findAll().stream().filter(r -> r.type() == RequestType.OBJECTION_TO_MARKETING)
                .filter(r -> emailIndex.equals(r.emailIndex())).toList();
    }
}
