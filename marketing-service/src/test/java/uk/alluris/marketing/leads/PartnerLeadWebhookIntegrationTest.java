package uk.alluris.marketing.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.EventType;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.messaging.EventJson;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.EventContracts;
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
 * A lead partner's webhook: signed with the partner's secret (X-Signature over "t.body"), replays older than five
 * minutes refused, one lead per delivery however often repeated, a suppressed or restricted person's lead dropped and
 * counted, consent honoured per channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class PartnerLeadWebhookIntegrationTest {

    private static final String ACME = "/webhooks/leads/acme";
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
    Restrictions restrictions;
    @Autowired
    MeterRegistry meters;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aSignedLeadIsStoredWithItsEvidenceAndMarketedOnlyOnTheChannelItsFormConsentedTo() throws Exception {
        String email = MarketingTestPeople.freshEmail("partner-lead");
        byte[] body = lead(null, email, "07911 123463", true, false);

        HttpResponse<String> answer = deliver(ACME, body, acme().header(body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Lead lead = only(email);
        assertThat(lead.source()).isEqualTo("partner:acme");
        assertThat(lead.status()).isEqualTo(Lead.Status.STORED);
        assertThat(lead.formId()).isEqualTo("acme-spring-form");
        assertThat(lead.consentText()).isEqualTo("Email me offers from Dr Alluris Aesthetics.");
        assertThat(lead.capturedAt()).isEqualTo(Instant.parse("2026-01-20T10:15:30Z"));
        assertThat(lead.consents()).containsExactly(MarketingChannel.EMAIL);
        assertThat(lead.phone()).isEqualTo("+447911123463");
        JsonNode subscriber = ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()
                .get(0);
        assertThat(subscriber.path("channels")).extracting(JsonNode::asString).containsExactly("email");
        ConsumerRecord<byte[], byte[]> captured = probe.records(Topics.MARKETING_EVENTS, Duration.ofSeconds(30), 1,
                r -> PrivacyRequestProbe.header(r, "ce_type").orElse("").equals("uk.alluris.marketing.ConsentCaptured.v1")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(indexer.email(email))).get(0);
        EventContracts.assertConforms(captured);
        JsonNode event = JSON.readTree(captured.value());
        assertThat(event.path("source").asString()).isEqualTo("partner:acme");
        assertThat(event.path("channel").asString()).isEqualTo("LEAD_FORM");
        assertThat(event.path("purposes")).extracting(JsonNode::asString).containsExactly("marketing.email");
        assertThat(event.path("consentText").asString()).isEqualTo("Email me offers from Dr Alluris Aesthetics.");
        assertThat(event.path("occurredAt").asString()).isEqualTo("2026-01-20T10:15:30Z");
    }

    @Test
    void aBadSignatureAReplayOrAnUnknownPartnerIsRefusedAndNothingIsStored() throws Exception {
        String email = MarketingTestPeople.freshEmail("partner-refused");
        byte[] body = lead(null, email, null, true, false);
        long stale = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        WebhookSignature stranger = new WebhookSignature("not-the-partners-secret", Clock.systemUTC());

        List<HttpResponse<String>> refused = List.of(
                deliver(ACME, body, null),
                deliver(ACME, body, "t=1,v1=abc"),
                deliver(ACME, body, stranger.header(body)),
                deliver(ACME, body, "t=" + stale + ",v1=" + acme().sign(stale, body)),
                deliver(ACME, body, acme().header(lead(null, email, null, true, true))));
        HttpResponse<String> unknown = deliver("/webhooks/leads/nobody", body, acme().header(body));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), Lead.class)).isZero();
    }

    @Test
    void aRepeatedDeliveryIsOneLeadByBodyOrByLeadId() throws Exception {
        String byBody = MarketingTestPeople.freshEmail("partner-same-body");
        byte[] body = lead(null, byBody, null, true, false);
        String byId = MarketingTestPeople.freshEmail("partner-same-id");
        String leadId = "acme-" + UUID.randomUUID();
        long duplicatesBefore = stat("partner:acme", "duplicate");

        long now = Instant.now().getEpochSecond();
        // the partner sends the same lead again, signed anew (a retry, not a replay)
        assertThat(deliver(ACME, body, "t=" + now + ",v1=" + acme().sign(now, body)).statusCode()).isEqualTo(202);
        assertThat(deliver(ACME, body, "t=" + (now + 1) + ",v1=" + acme().sign(now + 1, body)).statusCode())
                .isEqualTo(202);
        byte[] first = lead(leadId, byId, null, true, false);
        byte[] resent = lead(leadId, byId, "07911 123464", true, false);
        assertThat(deliver(ACME, first, acme().header(first)).statusCode()).isEqualTo(202);
        assertThat(deliver(ACME, resent, acme().header(resent)).statusCode()).isEqualTo(202);

        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(byBody))), Lead.class)).isEqualTo(1);
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(byId))), Lead.class)).isEqualTo(1);
        assertThat(only(byId).id()).isEqualTo("partner:acme:id:" + leadId);
        assertThat(only(byId).phone()).isNull();
        assertThat(stat("partner:acme", "duplicate")).isEqualTo(duplicatesBefore + 2);
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + byBody, admin).json()).hasSize(1);
    }

    @Test
    void theSameSignedDeliveryReplayedInsideTheWindowHasNoSecondEffect() throws Exception {
        String email = MarketingTestPeople.freshEmail("partner-replayed");
        byte[] body = lead(null, email, null, true, false);
        String header = acme().header(body);
        long storedBefore = stat("partner:acme", "stored");
        long duplicatesBefore = stat("partner:acme", "duplicate");
        assertThat(deliver(ACME, body, header).statusCode()).isEqualTo(202);
        Lead lead = only(email);
        // the person is erased meanwhile: their lead goes (and a later delivery would be theirs again)
        mongo.remove(new Query(where("_id").is(lead.id())), Lead.class);

        HttpResponse<String> replayed = deliver(ACME, body, header);
        HttpResponse<String> respelt = deliver(ACME, body, header.replace(",", ", ").toUpperCase().replace("T=", "t=")
                .replace("V1=", "v1="));

        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(respelt.statusCode()).as(respelt.body()).isEqualTo(202);
        assertThat(replayed.body()).isEqualTo(respelt.body()).contains("received");
        assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), Lead.class)).isZero();
        assertThat(stat("partner:acme", "stored")).isEqualTo(storedBefore + 1);
        assertThat(stat("partner:acme", "duplicate")).isEqualTo(duplicatesBefore);
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItsSignatureIsCheckedWhetherDeclaredOrChunked() throws Exception {
        byte[] huge = ("{\"padding\":\"" + "x".repeat(PartnerLeadWebhook.MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);
        long before = mongo.getCollection("leads").countDocuments();

        HttpResponse<String> declared = deliver(ACME, huge, acme().header(huge));
        ServiceCalls.Answer chunked = UnfinishedChunkedBody.post("127.0.0.1", port, ACME, PartnerLeadWebhook.MAX_BODY + 4096);

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
        assertThat(chunked.isProblem()).isTrue();
        assertThat(mongo.getCollection("leads").countDocuments()).isEqualTo(before);
    }

    @Test
    void aSuppressedOrRestrictedPersonsLeadIsDroppedNeverStoredAndCounted() throws Exception {
        String byEmail = MarketingTestPeople.freshEmail("partner-suppressed");
        String byPhone = MarketingTestPeople.freshEmail("partner-suppressed-phone");
        String restricted = MarketingTestPeople.freshEmail("partner-restricted");
        suppression.suppress(List.of(indexer.email(byEmail)), List.of(indexer.phone("07911 123465")),
                SuppressionEntry.Reason.OBJECTION);
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));
        long suppressedBefore = stat("partner:acme", "dropped-suppressed");
        long restrictedBefore = stat("partner:acme", "dropped-restricted");
        String control = MarketingTestPeople.freshEmail("partner-control");
        byte[] controlBody = lead(null, control, null, true, false);
        HttpResponse<String> stored = deliver(ACME, controlBody, acme().header(controlBody));

        for (byte[] body : List.of(lead(null, byEmail, null, true, true), lead(null, byPhone, "+44 7911 123465", true, true),
                lead(null, restricted, null, true, false))) {
            HttpResponse<String> answer = deliver(ACME, body, acme().header(body));
            // the partner is answered exactly as for a stored lead: it does not learn who objected
            assertThat(answer.statusCode()).isEqualTo(stored.statusCode());
            assertThat(answer.body()).isEqualTo(stored.body());
        }

        for (String email : List.of(byEmail, byPhone, restricted)) {
            assertThat(mongo.count(new Query(where("emailIndex").is(indexer.email(email))), Lead.class)).as(email).isZero();
            assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        }
        assertThat(mongo.count(new Query(where("phoneIndex").is(indexer.phone("07911 123465"))), Lead.class)).isZero();
        assertThat(stat("partner:acme", "dropped-suppressed")).isEqualTo(suppressedBefore + 2);
        assertThat(stat("partner:acme", "dropped-restricted")).isEqualTo(restrictedBefore + 1);
        assertThat(meters.get("alluris.marketing.leads").tag("source", "partner:acme").tag("outcome", "dropped-suppressed")
                .counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/leads/stats", TestTokens.get().staff("CLINICIAN"))
                .status()).isEqualTo(403);
    }

    @Test
    void aWithdrawalInTheLedgerEndsTheLeadsConsentAndItsSubscribersToo() throws Exception {
        String email = MarketingTestPeople.freshEmail("partner-withdraws");
        byte[] body = lead(null, email, "07911 123471", true, true);
        assertThat(deliver(ACME, body, acme().header(body)).statusCode()).isEqualTo(202);
        assertThat(only(email).consents()).containsExactly(MarketingChannel.EMAIL, MarketingChannel.SMS);
        ConsentWithdrawn withdrawn = new ConsentWithdrawn(UUID.randomUUID(), "ledger-subject-" + UUID.randomUUID(),
                indexer.email(email), "marketing.sms", "WEB", "2026-01", Instant.now());

        probe.publishRaw(Topics.CONSENT_EVENTS, withdrawn.partitionKey(), EventJson.write(withdrawn),
                EventType.CONSENT_WITHDRAWN.cloudEventType());

        await().atMost(Duration.ofSeconds(30)).until(() -> !only(email).consents().contains(MarketingChannel.SMS));
        assertThat(only(email).consents()).containsExactly(MarketingChannel.EMAIL);
        assertThat(ServiceCalls.onPort(port).get("/api/marketing/subscribers?email=" + email, admin).json().get(0)
                .path("channels")).extracting(JsonNode::asString).containsExactly("email");
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() throws Exception {
        long before = mongo.getCollection("leads").countDocuments();
        List<String> bodies = List.of(
                "not json",
                "{\"email\":\"nope\",\"formId\":\"f\",\"consent\":{\"email\":true},\"capturedAt\":\"2026-01-20T10:15:30Z\"}",
                "{\"formId\":\"f\",\"consent\":{\"email\":true},\"capturedAt\":\"2026-01-20T10:15:30Z\"}",
                "{\"email\":\"a@example.com\",\"formId\":\"f\",\"consent\":{\"email\":true}}",
                "{\"email\":\"a@example.com\",\"formId\":\"f\",\"consent\":{\"email\":true},\"capturedAt\":\"yesterday\"}",
                "{\"email\":\"a@example.com\",\"formId\":\"f\",\"capturedAt\":\"2026-01-20T10:15:30Z\"}",
                "{\"email\":\"a@example.com\",\"phone\":\"12\",\"formId\":\"f\",\"consent\":{},\"capturedAt\":\"2026-01-20T10:15:30Z\"}");

        for (String text : bodies) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = deliver(ACME, body, acme().header(body));
            assertThat(answer.statusCode()).as(text + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("a@example.com");
        }
        assertThat(mongo.getCollection("leads").countDocuments()).isEqualTo(before);
    }

    private Lead only(String email) {
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.count(
                new Query(where("emailIndex").is(indexer.email(email))), Lead.class) == 1);
        return mongo.findOne(new Query(where("emailIndex").is(indexer.email(email))), Lead.class);
    }

    private WebhookSignature acme() {
        return new WebhookSignature(properties.partners().get("acme").secret(), Clock.systemUTC());
    }

    private static byte[] lead(String leadId, String email, String phone, boolean emailConsent, boolean smsConsent) {
        return """
                {%s"email":"%s",%s"fullName":"Alex Partner","formId":"acme-spring-form",
                 "consentText":"Email me offers from Dr Alluris Aesthetics.",
                 "consent":{"email":%s,"sms":%s},"capturedAt":"2026-01-20T10:15:30Z"}
                """.formatted(leadId == null ? "" : "\"leadId\":\"" + leadId + "\",", email,
                phone == null ? "" : "\"phone\":\"" + phone + "\",", emailConsent, smsConsent)
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> deliver(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long stat(String source, String outcome) {
        return ServiceCalls.onPort(port).get("/api/marketing/leads/stats", admin).json().path(source).path(outcome)
                .asLong(0);
    }
}
