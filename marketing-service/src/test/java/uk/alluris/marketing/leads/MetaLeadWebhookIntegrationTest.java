package uk.alluris.marketing.leads;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.EventContracts;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UnfinishedChunkedBody;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Meta Lead Ads through the webhook, with payloads as Meta documents them and the Graph API served by WireMock: the
 * subscription check, the signature, one lead per lead id however often delivered, Graph failures retried and then
 * caught up later, a suppressed person's lead dropped and counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MetaLeadWebhookIntegrationTest {

    private static final String WEBHOOK = "/webhooks/meta/leads";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    MarketingProperties properties;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    MeterRegistry meters;

    private final WireMockServer graph = MarketingTestInfrastructure.graph();
    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void theSubscriptionCheckEchoesTheChallengeOnlyForOurVerifyToken() throws Exception {
        String token = URLEncoder.encode(properties.meta().verifyToken(), StandardCharsets.UTF_8);

        HttpResponse<String> ok = check("hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=1158201444");
        HttpResponse<String> wrong = check("hub.mode=subscribe&hub.verify_token=not-ours&hub.challenge=1158201444");
        HttpResponse<String> notSubscribe = check("hub.mode=unsubscribe&hub.verify_token=" + token + "&hub.challenge=1");
        HttpResponse<String> noChallenge = check("hub.mode=subscribe&hub.verify_token=" + token);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(notSubscribe.statusCode()).isEqualTo(403);
        assertThat(noChallenge.statusCode()).isEqualTo(400);
        assertThat(List.of(wrong, notSubscribe, noChallenge)).allSatisfy(answer -> assertThat(answer.body())
                .doesNotContain("1158201444").doesNotContain(properties.meta().verifyToken()));
    }

    @Test
    void aSignedDeliveryIsFetchedStoredWithItsEvidenceAndItsConsentCapturedOnceHoweverOftenDelivered() throws Exception {
        String leadgenId = leadId();
        String email = MarketingTestPeople.freshEmail("meta-lead");
        stubLead(leadgenId, email, "Jordan Meta", "+447911123461", true);
        byte[] delivery = delivery(leadgenId, "444555666", "1700000000");

        HttpResponse<String> first = deliver(delivery, signed(delivery));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        Lead lead = awaitStatus(leadgenId, Lead.Status.STORED);
        assertThat(lead.source()).isEqualTo("meta-lead-ads");
        assertThat(lead.formId()).isEqualTo("444555666");
        assertThat(lead.pageId()).isEqualTo("1122334455");
        assertThat(lead.adId()).isEqualTo("6000000001");
        assertThat(lead.capturedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(lead.email()).isEqualTo(email);
        assertThat(lead.phone()).isEqualTo("+447911123461");
        assertThat(lead.fullName()).isEqualTo("Jordan Meta");
        assertThat(lead.emailIndex()).isEqualTo(indexer.email(email));
        assertThat(lead.consents()).containsExactly(MarketingChannel.EMAIL);
        assertThat(lead.consentText()).isEqualTo(properties.meta().consentText());
        await().atMost(Duration.ofSeconds(10)).until(() -> leadOf(leadgenId).subscriberId() != null);
        JsonNode subscriber = ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()
                .get(0);
        assertThat(subscriber.path("channels")).extracting(JsonNode::asString).containsExactly("email");
        assertThat(subscriber.path("lists")).extracting(JsonNode::asString).containsExactly(properties.leadList());
        assertThat(subscriber.path("id").asString()).isEqualTo(leadOf(leadgenId).subscriberId().toString());
        ConsumerRecord<byte[], byte[]> captured = probe.records(Topics.MARKETING_EVENTS, Duration.ofSeconds(30), 1,
                r -> PrivacyRequestProbe.header(r, "ce_type").orElse("").equals("uk.alluris.marketing.ConsentCaptured.v1")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(indexer.email(email))).get(0);
        EventContracts.assertConforms(captured);
        JsonNode event = JSON.readTree(captured.value());
        assertThat(event.path("channel").asString()).isEqualTo("LEAD_FORM");
        assertThat(event.path("source").asString()).isEqualTo("meta-lead-ads");
        assertThat(event.path("formId").asString()).isEqualTo("444555666");
        assertThat(event.path("purposes")).extracting(JsonNode::asString).containsExactly("marketing.email");
        assertThat(event.path("phoneIndex").asString()).isEqualTo(indexer.phone("+447911123461"));
        assertThat(new String(captured.value(), StandardCharsets.UTF_8)).doesNotContain(email).doesNotContain("Jordan")
                .doesNotContain("7911123461");

        // Meta delivers again (same body, and the same lead id in a new delivery): still one lead, fetched once
        assertThat(deliver(delivery, signed(delivery)).statusCode()).isEqualTo(200);
        byte[] again = delivery(leadgenId, "444555666", "1700000099");
        assertThat(deliver(again, signed(again)).statusCode()).isEqualTo(200);
        assertThat(mongo.count(new Query(where("externalId").is(leadgenId)), Lead.class)).isEqualTo(1);
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), Lead.class)).isEqualTo(1);
        graph.verify(1, getRequestedFor(urlPathEqualTo(graphPath(leadgenId)))
                .withQueryParam("access_token", equalTo(properties.meta().pageAccessToken())));
        assertThat(stat("meta-lead-ads", "duplicate")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLeadWhoseFormCapturedNoConsentIsStoredButNeverMarketed() throws Exception {
        String leadgenId = leadId();
        String email = MarketingTestPeople.freshEmail("meta-no-consent");
        stubLead(leadgenId, email, "Ash Noconsent", null, false);
        byte[] delivery = delivery(leadgenId, "777", "1700000000");

        assertThat(deliver(delivery, signed(delivery)).statusCode()).isEqualTo(200);

        Lead lead = awaitStatus(leadgenId, Lead.Status.STORED);
        assertThat(lead.consents()).isEmpty();
        assertThat(lead.subscriberId()).isNull();
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
    }

    @Test
    void aBadSignatureIsA401AndNothingIsStoredOrFetched() throws Exception {
        String leadgenId = leadId();
        stubLead(leadgenId, MarketingTestPeople.freshEmail("never"), "Never Stored", null, true);
        byte[] delivery = delivery(leadgenId, "888", "1700000000");
        byte[] tampered = delivery(leadId(), "888", "1700000000");

        List<HttpResponse<String>> answers = List.of(
                deliver(delivery, null),
                deliver(delivery, "sha256=" + "0".repeat(64)),
                deliver(delivery, "sha1=abc"),
                deliver(delivery, signed(tampered)),
                deliver(delivery, new MetaSignature("somebody-elses-app-secret").header(delivery)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(mongo.findById("meta:" + leadgenId, Lead.class)).isNull();
        graph.verify(0, getRequestedFor(urlPathEqualTo(graphPath(leadgenId))));
    }

    @Test
    void aSignedButMalformedDeliveryIsA400AndRecordsNothing() throws Exception {
        String good = leadId();
        byte[] halfBad = ("""
                {"object":"page","entry":[{"id":"1","time":1700000000,"changes":[
                  {"field":"leadgen","value":{"leadgen_id":"%s","form_id":"1","page_id":"1","created_time":1700000000}},
                  {"field":"leadgen","value":{"leadgen_id":"../../me","form_id":"1","page_id":"1"}}]}]}
                """.formatted(good)).getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of("not json".getBytes(StandardCharsets.UTF_8),
                "{\"object\":\"user\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8), halfBad)) {
            HttpResponse<String> answer = deliver(body, signed(body));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(mongo.findById("meta:" + good, Lead.class)).isNull();
    }

    @Test
    void aDeliveryOverTheLimitIs413WithoutBeingReadWhole() {
        long before = mongo.getCollection("leads").countDocuments();

        ServiceCalls.Answer chunked = UnfinishedChunkedBody.post("127.0.0.1", port, "/webhooks/meta/leads",
                MetaLeadWebhook.MAX_BODY + 4096);

        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
        assertThat(chunked.isProblem()).isTrue();
        assertThat(mongo.getCollection("leads").countDocuments()).isEqualTo(before);
    }

    @Test
    void whenTheGraphApiFailsTheFetchIsRetriedThenTheLeadWaitsAndIsCaughtUpLater() throws Exception {
        String leadgenId = leadId();
        String email = MarketingTestPeople.freshEmail("meta-outage");
        graph.stubFor(get(urlPathEqualTo(graphPath(leadgenId))).willReturn(serverError()));
        byte[] delivery = delivery(leadgenId, "999", "1700000000");

        assertThat(deliver(delivery, signed(delivery)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> leadOf(leadgenId) != null && leadOf(leadgenId).fetchAttempts() >= 1);
        Lead waiting = leadOf(leadgenId);
        assertThat(waiting.status()).isEqualTo(Lead.Status.PENDING);
        assertThat(waiting.lastFetchError()).isEqualTo("graph answered 500");
        assertThat(waiting.email()).isNull();
        // each round retried within itself before the lead was left waiting
        assertThat(graph.findAll(getRequestedFor(urlPathEqualTo(graphPath(leadgenId))))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stat("meta-lead-ads", "pending")).isPositive();

        stubLead(leadgenId, email, "Sam Outage", null, true);

        Lead caughtUp = awaitStatus(leadgenId, Lead.Status.STORED);
        assertThat(caughtUp.email()).isEqualTo(email);
        assertThat(caughtUp.consents()).containsExactly(MarketingChannel.EMAIL);
    }

    @Test
    void aSuppressedPersonsLeadIsDroppedNeverStoredAndCounted() throws Exception {
        String leadgenId = leadId();
        String email = MarketingTestPeople.freshEmail("meta-suppressed");
        suppression.suppress(List.of(indexer.email(email)), List.of(), SuppressionEntry.Reason.ERASURE);
        stubLead(leadgenId, email, "Erased Person", "+447911123462", true);
        long droppedBefore = stat("meta-lead-ads", "dropped-suppressed");
        byte[] delivery = delivery(leadgenId, "111", "1700000000");

        assertThat(deliver(delivery, signed(delivery)).statusCode()).isEqualTo(200);

        Lead dropped = awaitStatus(leadgenId, Lead.Status.DROPPED);
        assertThat(dropped.dropReason()).isEqualTo(Lead.DropReason.SUPPRESSED);
        assertThat(List.of(String.valueOf(dropped.email()), String.valueOf(dropped.phone()),
                String.valueOf(dropped.fullName()), String.valueOf(dropped.emailIndex()))).containsOnly("null");
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), Lead.class)).isZero();
        assertThat(mongo.getCollection("leads").find(new org.bson.Document("_id", "meta:" + leadgenId)).first().toJson())
                .doesNotContain(email).doesNotContain("Erased").doesNotContain("7911123462");
        assertThat(stat("meta-lead-ads", "dropped-suppressed")).isEqualTo(droppedBefore + 1);
        assertThat(meters.get("alluris.marketing.leads").tag("source", "meta-lead-ads")
                .tag("outcome", "dropped-suppressed").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        // delivered again: recognised, not fetched nor counted as dropped again
        assertThat(deliver(delivery, signed(delivery)).statusCode()).isEqualTo(200);
        assertThat(stat("meta-lead-ads", "dropped-suppressed")).isEqualTo(droppedBefore + 1);
        graph.verify(1, getRequestedFor(urlPathEqualTo(graphPath(leadgenId))));
    }

    private void stubLead(String leadgenId, String email, String fullName, String phone, boolean emailConsent) {
        String phoneField = phone == null ? "" : ",{\"name\":\"phone_number\",\"values\":[\"" + phone + "\"]}";
        graph.stubFor(get(urlPathEqualTo(graphPath(leadgenId)))
                .withQueryParam("access_token", equalTo(properties.meta().pageAccessToken()))
                .willReturn(okJson("""
                        {"id":"%s","created_time":"2023-11-14T22:13:20+0000",
                         "ad_id":"6000000001","form_id":"444555666",
                         "field_data":[{"name":"email","values":["%s"]},{"name":"full_name","values":["%s"]}%s,
                                       {"name":"which_treatment_interests_you?","values":["skin boosters"]}],
                         "custom_disclaimer_responses":[{"checkbox_key":"%s","is_checked":"%s"}]}
                        """.formatted(leadgenId, email, fullName, phoneField,
                        properties.meta().consentCheckboxes().get("email"), emailConsent ? "1" : ""))));
    }

    /** A webhook delivery as Meta documents it (one entry, one leadgen change). */
    private static byte[] delivery(String leadgenId, String formId, String createdTime) {
        return """
                {"object":"page","entry":[{"id":"1122334455","time":%s,"changes":[{"field":"leadgen","value":
                {"ad_id":"6000000001","form_id":"%s","leadgen_id":"%s","created_time":%s,"page_id":"1122334455",
                 "adgroup_id":"6000000002"}}]}]}
                """.formatted(createdTime, formId, leadgenId, createdTime).getBytes(StandardCharsets.UTF_8);
    }

    private String signed(byte[] body) {
        return new MetaSignature(properties.meta().appSecret()).header(body);
    }

    private HttpResponse<String> deliver(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WEBHOOK))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(MetaSignature.HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> check(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WEBHOOK + "?" + query)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Lead awaitStatus(String leadgenId, Lead.Status status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> leadOf(leadgenId) != null && leadOf(leadgenId).status() == status);
        return leadOf(leadgenId);
    }

    private Lead leadOf(String leadgenId) {
        return mongo.findById("meta:" + leadgenId, Lead.class);
    }

    private long stat(String source, String outcome) {
        return ServiceCalls.onPort(port).get("/api/marketing/leads/stats", admin).json().path(source).path(outcome)
                .asLong(0);
    }

    private static String graphPath(String leadgenId) {
        return MarketingTestInfrastructure.GRAPH_VERSION + "/" + leadgenId;
    }

    private static String leadId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
    }
}
