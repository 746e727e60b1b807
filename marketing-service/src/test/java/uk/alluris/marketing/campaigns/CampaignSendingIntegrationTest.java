package uk.alluris.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.MarketingTestCampaigns;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Campaigns sent in the background: a retried creation is the same campaign, a send left half-done by a crashed
 * instance is finished by another with nobody mailed twice, and senders racing over one campaign mail each person once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class CampaignSendingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Enrolment enrolment;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    Restrictions restrictions;
    @Autowired
    MarketingMail mail;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CampaignSender sender;
    @Autowired
    CampaignLeases leases;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aRetriedCreationWithTheSameKeyIsTheSameCampaignAndEveryoneGetsOneMail() throws Exception {
        String list = list();
        List<String> people = people(list, 3);
        String key = UUID.randomUUID().toString();
        String body = """
                {"list":"%s","subject":"Retried %s","body":"Hello","channel":"email"}""".formatted(list, list);

        MarketingTestCampaigns.Created first = MarketingTestCampaigns.create(port, admin, key, body);
        MarketingTestCampaigns.Created again = MarketingTestCampaigns.create(port, admin, key, body);
        // two more retries racing each other
        CompletableFuture<MarketingTestCampaigns.Created> racing = CompletableFuture.supplyAsync(
                () -> MarketingTestCampaigns.create(port, admin, key, body));
        MarketingTestCampaigns.Created raced = MarketingTestCampaigns.create(port, admin, key, body);
        MarketingTestCampaigns.Created reused = MarketingTestCampaigns.create(port, admin, key,
                body.replace("Hello", "Something else"));

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        String id = first.json().path("id").asString();
        assertThat(first.location()).isEqualTo("/api/marketing/campaigns/" + id);
        assertThat(first.json().path("status").asString()).isEqualTo("SENDING");
        assertThat(first.json().path("total").asInt()).isEqualTo(3);
        assertThat(List.of(again, raced, racing.get())).allSatisfy(retry -> {
            assertThat(retry.status()).as(retry.text()).isEqualTo(200);
            assertThat(retry.json().path("id").asString()).isEqualTo(id);
            assertThat(retry.location()).isEqualTo(first.location());
        });
        assertThat(reused.status()).as(reused.text()).isEqualTo(422);
        assertThat(reused.json().path("title").asString()).isEqualTo("Idempotency key reused");
        JsonNode done = MarketingTestCampaigns.awaitSent(port, admin, id);
        assertThat(done.path("sent").asInt()).isEqualTo(3);
        assertThat(ServiceCalls.onPort(port).get(MarketingTestCampaigns.CAMPAIGNS, admin).json())
                .filteredOn(c -> c.path("list").asString().equals(list)).hasSize(1);
        assertThat(people).allSatisfy(email -> assertThat(MarketingTestInfrastructure.messagesTo(email)).hasSize(1));
    }

    @Test
    void aSendLeftHalfDoneByACrashedInstanceIsFinishedAndNobodyIsMailedTwice() throws Exception {
        String list = list();
        List<String> people = people(list, 5);
        String suppressed = MarketingTestPeople.freshEmail("crash-suppressed");
        String restricted = MarketingTestPeople.freshEmail("crash-restricted");
        MarketingTestPeople.consenting(enrolment, indexer, suppressed, list);
        MarketingTestPeople.consenting(enrolment, indexer, restricted, list);
        suppression.suppress(List.of(indexer.email(suppressed)), List.of(), SuppressionEntry.Reason.OBJECTION);
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));
        Campaign campaign = Campaign.start(UUID.randomUUID(), list, "Half done " + list, "Hello", "email", 7,
                Instant.now().minusSeconds(600));
        // what the crashed instance did minutes ago: mailed and recorded the first two, claimed the third and died
        List<Subscriber> onList = subscribers(people);
        for (Subscriber reached : onList.subList(0, 2)) {
            mail.sendMarketing(reached.email(), reached.id(), campaign.subject(), campaign.body());
            mongo.insert(CampaignSend.of(campaign.id(), reached.id(), reached.emailIndex(), Instant.now(),
                    CampaignSend.Outcome.SENT, null));
        }
        Subscriber interrupted = onList.get(2);
        mongo.insert(CampaignSend.of(campaign.id(), interrupted.id(), interrupted.emailIndex(),
                Instant.now().minusSeconds(300), CampaignSend.Outcome.CLAIMED, null));
        campaign.leaseOwner = "marketing-crashed";
        campaign.leaseUntil = Instant.now().minusSeconds(1);

        mongo.insert(campaign);

        JsonNode done = MarketingTestCampaigns.awaitSent(port, admin, campaign.id().toString());
        assertThat(done.path("sent").asInt()).isEqualTo(4);
        assertThat(done.path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("skipped").path("SUPPRESSED").asInt()).isEqualTo(1);
        assertThat(done.path("skipped").path("RESTRICTED").asInt()).isEqualTo(1);
        assertThat(done.path("total").asInt()).isEqualTo(7);
        assertThat(done.path("sends")).filteredOn(s -> s.path("subscriberId").asString()
                .equals(interrupted.id().toString())).singleElement()
                .satisfies(s -> assertThat(s.path("reason").asString()).isEqualTo("INTERRUPTED"));
        for (String email : people) {
            int expected = email.equals(interrupted.email()) ? 0 : 1;
            assertThat(MarketingTestInfrastructure.messagesTo(email)).as(email).hasSize(expected);
        }
        assertThat(MarketingTestInfrastructure.messagesTo(suppressed)).isEmpty();
        assertThat(MarketingTestInfrastructure.messagesTo(restricted)).isEmpty();
    }

    @Test
    void sendersRacingOverOneCampaignMailEachPersonOnce() throws Exception {
        String list = list();
        List<String> people = people(list, 8);
        Campaign campaign = Campaign.start(UUID.randomUUID(), list, "Raced " + list, "Hello", "email", 8, Instant.now());
        // held by this instance, as when a lease is renewed while an earlier sender of it is still at work
        campaign.leaseOwner = (String) ReflectionTestUtils.getField(leases, "me");
        campaign.leaseUntil = Instant.now().plusSeconds(60);
        mongo.insert(campaign);

        List<CompletableFuture<Void>> racing = IntStream.range(0, 3).mapToObj(i -> CompletableFuture.runAsync(() -> {
            Campaign leased = mongo.findById(campaign.id(), Campaign.class);
            sender.drive(leased);
        })).toList();
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get();

        JsonNode done = MarketingTestCampaigns.awaitSent(port, admin, campaign.id().toString());
        assertThat(done.path("sent").asInt()).isEqualTo(8);
        assertThat(people).allSatisfy(email -> assertThat(MarketingTestInfrastructure.messagesTo(email)).hasSize(1));
    }

    private List<String> people(String list, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = MarketingTestPeople.freshEmail("campaign-" + i);
            MarketingTestPeople.consenting(enrolment, indexer, email, list);
            emails.add(email);
        }
        return emails;
    }

    private List<Subscriber> subscribers(List<String> emails) {
        return emails.stream().map(email -> mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("emailIndex").is(indexer.email(email))),
                Subscriber.class)).toList();
    }

    private static String list() {
        return "list-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
