package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.events.PolicyVersionPublished;
import uk.alluris.kit.register.PolicyNoticeClaims;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * A material change to the privacy policy, announced by consent-service on consent.events, is mailed once to every
 * subscriber whose consent is current (GreenMail); not to one who opted out; a change that is not material to
 * nobody; a second announcement of the same version tells nobody twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class PolicyChangeNoticesIntegrationTest {

    @Autowired
    Subscribers subscribers;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aMaterialChangeIsMailedOnceToEverySubscriberWithCurrentConsentAndNotToOneWhoOptedOut() {
        String consenting = "policy-" + UUID.randomUUID() + "@example.com";
        String optedOut = "policy-out-" + UUID.randomUUID() + "@example.com";
        subscribers.save(withEmailConsent(consenting));
        Subscriber leaving = withEmailConsent(optedOut);
        leaving.optOut(Instant.now());
        subscribers.save(leaving);
        long current = subscribers.findAll().stream().filter(PolicyChangeNotices::consentIsCurrent).count();
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate effective = LocalDate.now().plusDays(30);

        try (PrivacyRequestProbe probe = new PrivacyRequestProbe()) {
            // one version, so one partition: the three arrive in this order
            probe.publish(new PolicyVersionPublished(UUID.randomUUID(), version, effective, false, "Typo fixed.",
                    Instant.now()));
            for (int announced = 0; announced < 2; announced++) {
                probe.publish(new PolicyVersionPublished(UUID.randomUUID(), version, effective, true,
                        "We now keep complaints for six years.", Instant.now()));
            }
        }

        Query told = Query.query(where("_id").regex("^" + version + "/"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(told, PolicyNoticeClaims.Notice.class) >= current);
        await().atMost(Duration.ofSeconds(10)).until(() -> MarketingTestInfrastructure.messagesTo(consenting).length > 0);
        assertThat(MarketingTestInfrastructure.messagesTo(consenting)).hasSize(1);
        String text = MarketingTestInfrastructure.text(MarketingTestInfrastructure.messagesTo(consenting)[0])
                .replaceAll("\\s+", " ");
        assertThat(text).contains(version, "We now keep complaints for six years", "ico.org.uk").doesNotContain("Typo");
        assertThat(MarketingTestInfrastructure.messagesTo(optedOut)).isEmpty();
        assertThat(mongo.count(told, PolicyNoticeClaims.Notice.class)).isEqualTo(current);
    }

    private static Subscriber withEmailConsent(String email) {
        Subscriber subscriber = Subscriber.subscribe(email, null, "Pat Policy", "idx-" + UUID.randomUUID(), null,
                List.of("newsletter"), "test", Instant.now());
        subscriber.grant(MarketingChannel.EMAIL, new ChannelConsent("double-opt-in", null, Instant.now()));
        return subscriber;
    }
}
