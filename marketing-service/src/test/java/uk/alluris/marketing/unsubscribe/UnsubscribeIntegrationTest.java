package uk.alluris.marketing.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.marketing.EventContracts;
import uk.alluris.marketing.MarketingTestCampaigns;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.mail.SignedLinksTest;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.SuppressionEntry.Reason;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * RFC 8058 one-click unsubscribe from a real campaign message: a POST to its List-Unsubscribe URL (no sign-in)
 * unsubscribes, suppresses and tells every service; a GET only shows the button; a forged link changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class UnsubscribeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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
    MarketingMail mail;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aOneClickPostFromTheMessageUnsubscribesSuppressesAndTellsEveryService() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String list = "unsub-" + UUID.randomUUID().toString().substring(0, 8);
        String email = MarketingTestPeople.freshEmail("one-click");
        Subscriber subscriber = MarketingTestPeople.consenting(enrolment, indexer, email, list);
        MarketingTestPeople.consenting(enrolment, indexer, email, "newsletter");
        MarketingTestCampaigns.sendAndWait(port, admin, list, "News", "Hello");
        MimeMessage message = MarketingTestInfrastructure.messagesTo(email)[0];
        String header = message.getHeader("List-Unsubscribe", null);
        URI url = local(URI.create(header.substring(1, header.length() - 1)));

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\"").contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
        assertThat(calls.get("/api/marketing/subscribers/" + subscriber.id(), admin).json().path("lists")).hasSize(2);
        assertThat(suppression.reasonsFor(indexer.email(email), null)).isEmpty();

        HttpResponse<String> done = oneClick(url, "List-Unsubscribe=One-Click");

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode after = calls.get("/api/marketing/subscribers/" + subscriber.id(), admin).json();
        assertThat(after.path("lists")).isEmpty();
        assertThat(after.path("channels")).isEmpty();
        assertThat(after.path("unsubscribedAt").isNull()).isFalse();
        assertThat(suppression.reasonsFor(indexer.email(email), null)).containsExactly(Reason.OBJECTION);
        ConsumerRecord<byte[], byte[]> published = probe.records(Topics.MARKETING_EVENTS, Duration.ofSeconds(30), 1,
                r -> PrivacyRequestProbe.header(r, "ce_type").orElse("").equals("uk.alluris.marketing.SubscriberUnsubscribed.v1")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(subscriber.id().toString())).get(0);
        EventContracts.assertConforms(published);
        JsonNode event = JSON.readTree(published.value());
        assertThat(event.path("subjectId").asString()).isEqualTo(subscriber.id().toString());
        assertThat(event.path("emailIndex").asString()).isEqualTo(indexer.email(email));
        assertThat(event.path("list").isNull()).isTrue();
        assertThat(event.path("source").asString()).isEqualTo("one-click-unsubscribe");
        assertThat(new String(published.value(), StandardCharsets.UTF_8)).doesNotContain(email);
        // a second click (or a mail client retrying) is answered alike and changes nothing
        assertThat(oneClick(url, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        // and the next campaign to either list reaches nobody (someone else, added by staff without consent, keeps the
        // list in being: a campaign for a list nobody is on is refused)
        assertThat(calls.post("/api/marketing/subscribers", """
                {"email":"%s","lists":["%s"],"source":"clinic"}""".formatted(MarketingTestPeople.freshEmail("stays"), list),
                admin).status()).isEqualTo(201);
        JsonNode next = MarketingTestCampaigns.sendAndWait(port, admin, list, "More news", "Hello");
        assertThat(next.path("sent").asInt()).isZero();
        assertThat(MarketingTestInfrastructure.messagesTo(email)).hasSize(1);
    }

    @Test
    void aForgedLinkOrAPostWithoutTheOneClickBodyIsAProblemAndChangesNothing() throws Exception {
        String email = MarketingTestPeople.freshEmail("forged-unsub");
        Subscriber subscriber = MarketingTestPeople.consenting(enrolment, indexer, email, "newsletter");
        URI genuine = local(URI.create(mail.unsubscribeUrl(subscriber.id())));
        String token = genuine.getRawQuery().substring("token=".length());
        URI forged = URI.create("http://127.0.0.1:" + port + MarketingMail.UNSUBSCRIBE_PATH + "?token="
                + SignedLinksTest.tampered(token, token.length() - 10));
        ServiceCalls calls = ServiceCalls.onPort(port);

        List<HttpResponse<String>> answers = List.of(
                oneClick(forged, "List-Unsubscribe=One-Click"),
                HTTP.send(HttpRequest.newBuilder(forged).GET().build(), HttpResponse.BodyHandlers.ofString()),
                oneClick(URI.create("http://127.0.0.1:" + port + MarketingMail.UNSUBSCRIBE_PATH + "?token=x"),
                        "List-Unsubscribe=One-Click"),
                oneClick(genuine, "List-Unsubscribe=Later"),
                oneClick(genuine, ""));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        });
        Answer unchanged = calls.get("/api/marketing/subscribers/" + subscriber.id(), admin);
        assertThat(unchanged.json().path("lists")).hasSize(1);
        assertThat(unchanged.json().path("channels")).hasSize(1);
        assertThat(suppression.reasonsFor(indexer.email(email), null)).isEmpty();
    }

    private HttpResponse<String> oneClick(URI url, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The link as mailed points at the gateway; in this test the service answers it directly. */
    private URI local(URI mailed) {
        return URI.create("http://127.0.0.1:" + port + mailed.getRawPath() + "?" + mailed.getRawQuery());
    }

    @Test
    void aSignedInClientSeesOnlyTheirOwnSubscriptionsAndLeavesEverythingAsTheOneClickLinkDoes() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = MarketingTestPeople.freshEmail("portal-leave");
        Subscriber subscriber = MarketingTestPeople.consenting(enrolment, indexer, email, "newsletter");
        String client = TestTokens.get().client(indexer.email(email));
        String stranger = TestTokens.get().client(indexer.email(MarketingTestPeople.freshEmail("stranger")));

        Answer mine = calls.get("/api/marketing/me", client);
        assertThat(mine.status()).as(mine.text()).isEqualTo(200);
        assertThat(mine.json().path("subscriptions")).singleElement().satisfies(held -> {
            assertThat(held.path("id").asString()).isEqualTo(subscriber.id().toString());
            assertThat(held.path("lists").toString()).contains("newsletter");
            assertThat(held.path("channels").toString()).contains("email");
        });
        assertThat(calls.get("/api/marketing/me", stranger).json().path("subscriptions")).isEmpty();
        assertThat(calls.get("/api/marketing/me", admin).status()).isEqualTo(403);
        assertThat(calls.post("/api/marketing/me/unsubscribe", "", stranger).json().path("subscriptions")).isEmpty();
        assertThat(calls.get("/api/marketing/subscribers/" + subscriber.id(), admin).json().path("lists")).hasSize(1);

        Answer left = calls.post("/api/marketing/me/unsubscribe", "", client);

        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.json().path("subscriptions").get(0).path("lists")).isEmpty();
        assertThat(left.json().path("subscriptions").get(0).path("channels")).isEmpty();
        assertThat(left.json().path("subscriptions").get(0).path("unsubscribedAt").isNull()).isFalse();
        assertThat(suppression.reasonsFor(indexer.email(email), null)).containsExactly(Reason.OBJECTION);
    }
}
