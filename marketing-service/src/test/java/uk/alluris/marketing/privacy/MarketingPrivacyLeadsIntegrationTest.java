package uk.alluris.marketing.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.google.crypto.tink.KeysetHandle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
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
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.MarketingTestCampaigns;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.SuppressionEntry.Reason;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.marketing.suppression.SuppressionPrivacy;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Privacy requests reaching what issue 5 added: leads, sign-ups awaiting confirmation and the record of campaigns
 * sent are erased with the person; an objection ends every lead's consent; access exports subscriptions, leads (with
 * their consent evidence) and campaigns received, sealed to the request's key; rectification corrects subscribers and
 * leads with their blind indexes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MarketingPrivacyLeadsIntegrationTest {

    private static final String SERVICE = "marketing-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    @Autowired
    Enrolment enrolment;
    @Autowired
    MarketingProperties properties;
    @Autowired
    TransportSeal transport;

    private final String admin = TestTokens.get().staff("ADMIN");

    /** A person with a partner lead (email consent, a phone), a campaign received and a sign-up awaiting confirmation. */
    private Subscriber personWithEverything(String email, String phone) throws Exception {
        String list = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] lead = """
                {"email":"%s","phone":"%s","fullName":"Morgan Lead","formId":"acme-form-7",
                 "consentText":"Email me news.","consent":{"email":true,"sms":false},"capturedAt":"2026-01-21T09:00:00Z"}
                """.formatted(email, phone).getBytes(StandardCharsets.UTF_8);
        WebhookSignature acme = new WebhookSignature(properties.partners().get("acme").secret(), Clock.systemUTC());
        HttpResponse<String> delivered = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/webhooks/leads/acme")).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, acme.header(lead)).POST(HttpRequest.BodyPublishers.ofByteArray(lead))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
        Subscriber subscriber = MarketingTestPeople.consenting(enrolment, indexer, email, list);
        ServiceCalls calls = ServiceCalls.onPort(port);
        assertThat(MarketingTestCampaigns.sendAndWait(port, admin, list, "Winter glow", "Hello").path("sent").asInt())
                .isEqualTo(1);
        assertThat(calls.post("/api/marketing/subscriptions", "{\"email\":\"" + email + "\",\"lists\":[\"vip\"]}", null)
                .status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> MarketingTestInfrastructure.messagesTo(email).length == 2);
        return subscriber;
    }

    @Test
    void anErasureAlsoErasesLeadsSignUpsAwaitingConfirmationAndTheCampaignsSent() throws Exception {
        String email = MarketingTestPeople.freshEmail("erase-everything");
        Subscriber subscriber = personWithEverything(email, "07911 123466");
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("subscribers", Outcome.ERASED, 2),
                CategoryOutcome.of("list-memberships", Outcome.ERASED, 2),
                CategoryOutcome.of("leads", Outcome.ERASED, 1),
                CategoryOutcome.of("campaign-sends", Outcome.ERASED, 1),
                CategoryOutcome.retained("suppression-list", 2, SuppressionPrivacy.GROUND, null));
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), "leads")).isZero();
        assertThat(mongo.count(new Query(where("subscriberId").is(subscriber.id())), "campaign_sends")).isZero();
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), "pending_subscriptions")).isZero();
        assertThat(mongo.findById(subscriber.id(), Subscriber.class)).isNull();
        assertThat(suppression.reasonsFor(null, indexer.phone("07911 123466"))).containsExactly(Reason.ERASURE);
    }

    @Test
    void anObjectionEndsEveryLeadsConsentAndSuppressesItsPhoneToo() throws Exception {
        String email = MarketingTestPeople.freshEmail("object-lead");
        personWithEverything(email, "07911 123467");
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("list-memberships", Outcome.WITHDRAWN, 2),
                CategoryOutcome.of("leads", Outcome.WITHDRAWN, 1),
                CategoryOutcome.retained("suppression-list", 2, SuppressionPrivacy.GROUND, null));
        Document lead = mongo.findOne(new Query(where("emailIndex").is(indexer.email(email))), Document.class, "leads");
        assertThat(lead.getList("consents", String.class)).isEmpty();
        assertThat(lead.get("objectedAt")).isNotNull();
        assertThat(suppression.reasonsFor(null, indexer.phone("07911 123467"))).containsExactly(Reason.OBJECTION);
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email)).and("confirmedAt").is(null)),
                "pending_subscriptions")).isZero();
    }

    @Test
    void anAccessRequestExportsSubscriptionsLeadsWithTheirEvidenceAndCampaignsReceived() throws Exception {
        String email = MarketingTestPeople.freshEmail("export");
        personWithEverything(email, "07911 123468");
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId, byEmail(email), LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("subscriptions", Outcome.EXPORTED, 2),
                CategoryOutcome.of("leads", Outcome.EXPORTED, 1),
                CategoryOutcome.of("campaigns-received", Outcome.EXPORTED, 1));
        String opened = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode data = JSON.readTree(opened).path("data");
        JsonNode subscribed = data.path("subscriptions").get(0);
        assertThat(subscribed.path("status").asString()).isEqualTo("subscribed");
        assertThat(subscribed.path("email").asString()).isEqualTo(email);
        assertThat(subscribed.path("consents")).extracting(c -> c.path("channel").asString()).containsExactly("email");
        assertThat(data.path("subscriptions").get(1).path("status").asString()).isEqualTo("awaiting-confirmation");
        JsonNode lead = data.path("leads").get(0);
        assertThat(lead.path("source").asString()).isEqualTo("partner:acme");
        assertThat(lead.path("formId").asString()).isEqualTo("acme-form-7");
        assertThat(lead.path("consentText").asString()).isEqualTo("Email me news.");
        assertThat(lead.path("consentedChannels")).extracting(JsonNode::asString).containsExactly("email");
        assertThat(lead.path("capturedAt").asString()).isEqualTo("2026-01-21T09:00:00Z");
        assertThat(lead.path("phone").asString()).isEqualTo("+447911123468");
        assertThat(data.path("campaigns-received").get(0).path("subject").asString()).isEqualTo("Winter glow");
        assertThat(opened).doesNotContain("outbox").doesNotContain("emailIndex").doesNotContain(indexer.email(email));
    }

    @Test
    void aRectificationCorrectsSubscribersAndLeadsWithTheirBlindIndexes() throws Exception {
        String email = MarketingTestPeople.freshEmail("rectify-old");
        String corrected = MarketingTestPeople.freshEmail("rectify-new");
        Subscriber subscriber = personWithEverything(email, "07911 123469");
        UUID requestId = UUID.randomUUID();
        Corrections corrections = new Corrections("Morgan Corrected", corrected.toUpperCase(), "07911 123470",
                LocalDate.of(1990, 1, 1));

        probe.publish(new RectificationRequested(UUID.randomUUID(), requestId, byEmail(email),
                LocalDate.now().plusMonths(1), Instant.now(), corrections.fields(), transport.seal(corrections, requestId)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("subscribers", Outcome.RECTIFIED, 2),
                CategoryOutcome.of("leads", Outcome.RECTIFIED, 1));
        Subscriber after = mongo.findById(subscriber.id(), Subscriber.class);
        assertThat(after.email()).isEqualTo(corrected);
        assertThat(after.emailIndex()).isEqualTo(indexer.email(corrected));
        assertThat(after.phone()).isEqualTo("+447911123470");
        assertThat(after.phoneIndex()).isEqualTo(indexer.phone("07911 123470"));
        assertThat(after.fullName()).isEqualTo("Morgan Corrected");
        Document lead = mongo.findOne(new Query(where("emailIndex").is(indexer.email(corrected))), Document.class, "leads");
        assertThat(lead.getString("email")).isEqualTo(corrected);
        assertThat(lead.getString("phoneIndex")).isEqualTo(indexer.phone("07911 123470"));
        assertThat(lead.getString("fullName")).isEqualTo("Morgan Corrected");
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), "leads")).isZero();
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }
}
