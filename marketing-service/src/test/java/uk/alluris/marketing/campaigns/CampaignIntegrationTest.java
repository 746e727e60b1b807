package uk.alluris.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.ConsentGranted;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.EventType;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.MarketingTestCampaigns;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Campaigns over SMTP (GreenMail): only to people with current consent who are neither suppressed nor restricted,
 * each send recorded, every message with its one-click unsubscribe; a withdrawal in the ledger stops the next send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class CampaignIntegrationTest {

    private static final String CAMPAIGNS = "/api/marketing/campaigns";
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

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
    MongoTemplate mongo;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aCampaignGoesOnlyToEligiblePeopleAndEachSendIsRecorded() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String list = list();
        String eligible = MarketingTestPeople.freshEmail("eligible");
        String suppressed = MarketingTestPeople.freshEmail("suppressed");
        String restricted = MarketingTestPeople.freshEmail("restricted");
        String noConsent = MarketingTestPeople.freshEmail("no-consent");
        String otherList = MarketingTestPeople.freshEmail("other-list");
        Subscriber reached = MarketingTestPeople.consenting(enrolment, indexer, eligible, list);
        MarketingTestPeople.consenting(enrolment, indexer, suppressed, list);
        MarketingTestPeople.consenting(enrolment, indexer, restricted, list);
        MarketingTestPeople.consenting(enrolment, indexer, otherList, list());
        // added by staff: on the list, but never consented themselves
        assertThat(calls.post("/api/marketing/subscribers", """
                {"email":"%s","lists":["%s"],"source":"clinic"}""".formatted(noConsent, list), admin).status())
                .isEqualTo(201);
        suppression.suppress(List.of(indexer.email(suppressed)), List.of(), SuppressionEntry.Reason.OBJECTION);
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));

        JsonNode counts = campaign(list, "Spring offers");

        assertThat(counts.path("status").asString()).isEqualTo("SENT");
        assertThat(counts.path("total").asInt()).isEqualTo(4);
        assertThat(counts.path("sent").asInt()).isEqualTo(1);
        assertThat(counts.path("failed").asInt()).isZero();
        assertThat(counts.path("skipped").path("SUPPRESSED").asInt()).isEqualTo(1);
        assertThat(counts.path("skipped").path("RESTRICTED").asInt()).isEqualTo(1);
        assertThat(counts.path("skipped").path("NO_CONSENT").asInt()).isEqualTo(1);
        assertThat(MarketingTestInfrastructure.messagesTo(eligible)).hasSize(1);
        for (String skipped : List.of(suppressed, restricted, noConsent, otherList)) {
            assertThat(MarketingTestInfrastructure.messagesTo(skipped)).as(skipped).isEmpty();
        }
        MimeMessage message = MarketingTestInfrastructure.messagesTo(eligible)[0];
        assertThat(message.getSubject()).isEqualTo("Spring offers");
        String unsubscribe = message.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe).matches("<http://127\\.0\\.0\\.1:8080/api/marketing/unsubscribe\\?token=[A-Za-z0-9_.%-]+>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(MarketingTestInfrastructure.text(message)).contains("Our spring offers are here.")
                .contains(unsubscribe.substring(1, unsubscribe.length() - 1));

        JsonNode shown = calls.get(CAMPAIGNS + "/" + counts.path("id").asString(), admin).json();
        assertThat(shown.path("sends")).hasSize(4);
        assertThat(shown.path("sends")).filteredOn(s -> s.path("outcome").asString().equals("SENT")).singleElement()
                .satisfies(s -> {
                    assertThat(s.path("subscriberId").asString()).isEqualTo(reached.id().toString());
                    assertThat(Instant.parse(s.path("sentAt").asString())).isBeforeOrEqualTo(Instant.now());
                });
        assertThat(shown.path("sends")).filteredOn(s -> s.path("outcome").asString().equals("SKIPPED"))
                .extracting(s -> s.path("reason").asString())
                .containsExactlyInAnyOrder("SUPPRESSED", "RESTRICTED", "NO_CONSENT");
        assertThat(shown.toString()).doesNotContain(eligible).doesNotContain(noConsent);
    }

    @Test
    void aConsentWithdrawnInTheLedgerStopsTheNextSend() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String list = list();
        String withdraws = MarketingTestPeople.freshEmail("withdraws");
        String stays = MarketingTestPeople.freshEmail("stays");
        Subscriber leaving = MarketingTestPeople.consenting(enrolment, indexer, withdraws, list);
        MarketingTestPeople.consenting(enrolment, indexer, stays, list);
        assertThat(campaign(list, "First").path("sent").asInt()).isEqualTo(2);
        ConsentWithdrawn withdrawn = new ConsentWithdrawn(UUID.randomUUID(), "client-" + UUID.randomUUID(),
                indexer.email(withdraws), "marketing.email", "WEB", "2026-01", Instant.now());
        // a grant for someone else on the same topic is passed over
        probe.publishRaw(Topics.CONSENT_EVENTS, "k", EventJson.write(new ConsentGranted(UUID.randomUUID(), "x",
                indexer.email(stays), "marketing.sms", "WEB", "2026-01", Instant.now())),
                EventType.CONSENT_GRANTED.cloudEventType());

        probe.publishRaw(Topics.CONSENT_EVENTS, withdrawn.partitionKey(), EventJson.write(withdrawn),
                EventType.CONSENT_WITHDRAWN.cloudEventType());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                calls.get("/api/marketing/subscribers/" + leaving.id(), admin).json().path("channels")).isEmpty());
        JsonNode second = campaign(list, "Second");
        assertThat(second.path("sent").asInt()).isEqualTo(1);
        assertThat(second.path("skipped").path("NO_CONSENT").asInt()).isEqualTo(1);
        assertThat(MarketingTestInfrastructure.messagesTo(withdraws)).extracting(MimeMessage::getSubject)
                .containsExactly("First");
        assertThat(MarketingTestInfrastructure.messagesTo(stays)).extracting(MimeMessage::getSubject)
                .containsExactly("First", "Second");
        // still on the list: a withdrawal ends the channel's consent, not the membership
        assertThat(calls.get("/api/marketing/subscribers/" + leaving.id(), admin).json().path("lists"))
                .extracting(JsonNode::asString).containsExactly(list);
    }

    @Test
    void anUnreadableWithdrawalIsParkedInTheDeadLetterTopic() {
        String marker = "unreadable-withdrawal-" + UUID.randomUUID();

        probe.publishRaw(Topics.CONSENT_EVENTS, marker, "not json " + marker, EventType.CONSENT_WITHDRAWN.cloudEventType());

        assertThat(probe.records(Topics.deadLetterTopic(Topics.CONSENT_EVENTS, "marketing-service"),
                Duration.ofSeconds(30), 1, r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))).hasSize(1);
    }

    @Test
    void onlyAnAdminSendsAndBadInputIsA400Problem() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String body = "{\"list\":\"newsletter\",\"subject\":\"Hi\",\"body\":\"Hello\",\"channel\":\"email\"}";

        assertThat(calls.post(CAMPAIGNS, body, TestTokens.get().staff("PRIVACY_OFFICER")).status()).isEqualTo(403);
        assertThat(calls.post(CAMPAIGNS, body, TestTokens.get().staff("RECEPTION")).status()).isEqualTo(403);
        assertThat(calls.post(CAMPAIGNS, body, null).status()).isEqualTo(401);
        List<MarketingTestCampaigns.Created> bad = List.of(
                created(body.replace("\"email\"}", "\"sms\"}")),
                created("{\"subject\":\"Hi\",\"body\":\"Hello\",\"channel\":\"email\"}"),
                created(body.replace("Hi", "Hi\\r\\nBcc: everyone@example.com")),
                created(body.replace("newsletter", "Not A List")),
                created("not json"),
                MarketingTestCampaigns.create(port, admin, null, body),
                MarketingTestCampaigns.create(port, admin, "short", body),
                MarketingTestCampaigns.create(port, admin, "has spaces in it", body));
        assertThat(bad).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.text()).contains("\"detail\"");
        });
        assertThat(bad.get(5).json().path("detail").asString()).contains("Idempotency-Key");
        assertThat(calls.get(CAMPAIGNS + "/not-a-uuid", admin).status()).isEqualTo(400);
        assertThat(calls.get(CAMPAIGNS + "/audience?list=Not%20A%20List", admin).status()).isEqualTo(400);
        assertThat(calls.get(CAMPAIGNS + "/audience?list=newsletter&channel=sms", admin).status()).isEqualTo(400);
        assertThat(calls.get(CAMPAIGNS + "/audience?list=newsletter", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
        Answer unknown = calls.get(CAMPAIGNS + "/" + UUID.randomUUID(), TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void aCampaignForAListNoSubscriberIsOnIsA422NamingTheFieldAndTheKnownListsAndMakesNoCampaign() {
        // sorted before the other tests' "list-…" names, so among the first the problem names
        String list = "0" + list();
        MarketingTestPeople.consenting(enrolment, indexer, MarketingTestPeople.freshEmail("known-list"), list);
        String key = UUID.randomUUID().toString();
        String body = "{\"list\":\"no-such-list\",\"subject\":\"Hi\",\"body\":\"Hello\",\"channel\":\"email\"}";

        MarketingTestCampaigns.Created refused = MarketingTestCampaigns.create(port, admin, key, body);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).startsWith("list must name a list with subscribers")
                .contains(list);
        assertThat(refused.location()).isNull();
        // nothing was made and the key was not taken: the corrected request under the same key is the first
        assertThat(ServiceCalls.onPort(port).get(CAMPAIGNS + "?size=200", admin).json())
                .noneSatisfy(c -> assertThat(c.path("list").asString()).isEqualTo("no-such-list"));
        assertThat(MarketingTestCampaigns.create(port, admin, key, body.replace("no-such-list", list)).status())
                .isEqualTo(202);
    }

    @Test
    void aRetryOfACampaignWhoseListHasSinceEmptiedStillAnswersTheSameCampaign() {
        String list = list();
        String leaving = MarketingTestPeople.freshEmail("leaves-list");
        MarketingTestPeople.consenting(enrolment, indexer, leaving, list);
        String key = UUID.randomUUID().toString();
        String body = "{\"list\":\"%s\",\"subject\":\"Hi\",\"body\":\"Hello\",\"channel\":\"email\"}"
                .formatted(list);
        MarketingTestCampaigns.Created first = MarketingTestCampaigns.create(port, admin, key, body);
        MarketingTestCampaigns.awaitSent(port, admin, first.json().path("id").asString());
        mongo.remove(new Query(where("lists").is(list)), Subscriber.class);

        MarketingTestCampaigns.Created retry = MarketingTestCampaigns.create(port, admin, key, body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).as(retry.text()).isEqualTo(200);
        assertThat(retry.location()).isEqualTo(first.location());
    }

    private JsonNode campaign(String list, String subject) {
        return MarketingTestCampaigns.sendAndWait(port, admin, list, subject, "Our " + subject.toLowerCase() + " are here.");
    }

    private MarketingTestCampaigns.Created created(String json) {
        return MarketingTestCampaigns.create(port, admin, UUID.randomUUID().toString(), json);
    }

    private static String list() {
        return "list-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
