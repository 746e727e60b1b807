package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.EventContracts;
import uk.alluris.marketing.MarketingTestInfrastructure;
import uk.alluris.marketing.mail.SignedLinks;
import uk.alluris.marketing.mail.SignedLinksTest;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Public sign-up with double opt-in, end to end: the mail in GreenMail, its link, the subscriber, and the consent on
 * its way to the ledger; the same answer (and nothing else) for a suppressed or restricted address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class DoubleOptInIntegrationTest {

    private static final String SIGN_UP = "/api/marketing/subscriptions";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/api/marketing/subscriptions/confirm\\?token=)(\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    Restrictions restrictions;
    @Autowired
    MarketingProperties properties;
    @Autowired
    SignedLinks links;

    private final String admin = TestTokens.get().staff("ADMIN");

    @Test
    void aSignUpIsASubscriberOnlyOnceConfirmedFromTheMailedLinkAndItsConsentGoesToTheLedger() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "opt-in-" + UUID.randomUUID() + "@example.com";

        Answer accepted = signUp(email.toUpperCase(), """
                ,"fullName":"Robin Hale","lists":["newsletter","offers"],"channels":["email"],
                "consentText":"Yes, send me news and offers by email.","formId":"website-footer\"""",
                "198.51.100.23");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.json().path("message").asString()).isEqualTo(SubscriptionController.ACCEPTED);
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        String link = confirmationLinkMailedTo(email);
        assertThat(link).startsWith(properties.publicBaseUrl() + "/api/marketing/subscriptions/confirm?token=");

        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        HttpResponse<String> confirmed = HTTP.send(HttpRequest.newBuilder(local(formAction(page.body())))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(confirmed.body()).contains("You are subscribed");
        JsonNode subscriber = calls.get("/api/marketing/subscribers?email=" + email, admin).json().get(0);
        assertThat(subscriber.path("lists")).extracting(JsonNode::asString).containsExactly("newsletter", "offers");
        assertThat(subscriber.path("channels")).extracting(JsonNode::asString).containsExactly("email");
        assertThat(subscriber.path("fullName").asString()).isEqualTo("Robin Hale");
        assertThat(subscriber.path("source").asString()).isEqualTo("double-opt-in");
        String emailIndex = indexer.email(email);
        ConsumerRecord<byte[], byte[]> captured = probe.records(Topics.MARKETING_EVENTS, Duration.ofSeconds(30), 1,
                r -> header(r, "ce_type").equals("uk.alluris.marketing.ConsentCaptured.v1") && body(r).contains(emailIndex))
                .get(0);
        EventContracts.assertConforms(captured);
        JsonNode event = JSON.readTree(captured.value());
        assertThat(event.path("subjectId").asString()).isEqualTo(subscriber.path("id").asString());
        assertThat(event.path("emailIndex").asString()).isEqualTo(emailIndex);
        assertThat(event.path("purposes")).extracting(JsonNode::asString).containsExactly("marketing.email");
        assertThat(event.path("channel").asString()).isEqualTo("WEB");
        assertThat(event.path("source").asString()).isEqualTo("double-opt-in");
        assertThat(event.path("policyVersion").asString()).isEqualTo(properties.policyVersion());
        assertThat(event.path("formId").asString()).isEqualTo("website-footer");
        assertThat(event.path("consentText").asString()).isEqualTo("Yes, send me news and offers by email.");
        assertThat(event.path("ipAddress").asString()).isEqualTo("198.51.100.0");
        assertThat(event.path("userAgent").asString()).isEqualTo("opt-in-test/1.0");
        assertThat(body(captured)).doesNotContainIgnoringCase(email).doesNotContain("Robin");
        assertThat(header(captured, "ce_subject")).isEqualTo(emailIndex);

        // the link used again (a second click, or a POST from a form) changes nothing
        Answer again = calls.post(pathOf(link), null, null);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("alreadyConfirmed").asBoolean()).isTrue();
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).hasSize(1);
    }

    @Test
    void openingTheConfirmationLinkShowsAPageWhoseButtonPostsAndSubscribesNobody() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "scanned-" + UUID.randomUUID() + "@example.com";
        signUp(email, ",\"fullName\":\"Sam Scanner\"", null);
        String link = confirmationLinkMailedTo(email);

        // what a mail scanner or a link preview does: follow the link, more than once
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(local(link)).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(page.body()).contains("<form method=\"post\"").contains("<button").doesNotContain("<script")
                .doesNotContain("src=").doesNotContain("http");
        assertThat(formAction(page.body())).isEqualTo(pathOf(link));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
        assertThat(mongo.getCollection("pending_subscriptions").countDocuments(
                new org.bson.Document("emailIndex", indexer.email(email)).append("confirmedAt", null))).isEqualTo(1);

        Answer confirmed = calls.post(formAction(page.body()), null, null);

        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.json().path("alreadyConfirmed").asBoolean()).isFalse();
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).hasSize(1);
        HttpResponse<String> afterwards = HTTP.send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.body()).contains("already subscribed").doesNotContain("<form");
    }

    @Test
    void aFourthSignUpForOneAddressInADaySendsNoMailAndIsAnsweredAlike() {
        String email = "bombed-" + UUID.randomUUID() + "@example.com";
        String control = "bombed-control-" + UUID.randomUUID() + "@example.com";
        long pendingBefore = mongo.getCollection("pending_subscriptions").countDocuments();

        List<Answer> answers = java.util.stream.IntStream.range(0, ConfirmationMailQuota.PER_DAY + 2)
                .mapToObj(i -> signUp(i % 2 == 0 ? email : email.toUpperCase(), "", null)).toList();
        signUp(control, "", null);

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.text()).isEqualTo(answers.get(0).text());
        });
        // mail leaves in order: once the later sign-up's link has arrived, the earlier ones would have too
        confirmationLinkMailedTo(control);
        assertThat(MarketingTestInfrastructure.messagesTo(email)).hasSize(ConfirmationMailQuota.PER_DAY);
        assertThat(mongo.getCollection("pending_subscriptions").countDocuments())
                .isEqualTo(pendingBefore + ConfirmationMailQuota.PER_DAY + 1);
    }

    @Test
    void theConfirmationMailCarriesNoTextFromTheFormButAPlainFirstName() {
        String plain = "plain-name-" + UUID.randomUUID() + "@example.com";
        String spam = "spam-name-" + UUID.randomUUID() + "@example.com";
        String markup = "markup-name-" + UUID.randomUUID() + "@example.com";

        signUp(plain, ",\"fullName\":\"Anne-Marie O'Neil\",\"lists\":[\"win-a-prize-at-evil-example\"],"
                + "\"consentText\":\"Claim your prize at https://evil.example\",\"formId\":\"evil.example\"", null);
        signUp(spam, ",\"fullName\":\"Win a prize at https://evil.example/claim\"", null);
        signUp(markup, ",\"fullName\":\"<a href=x>Bob</a>\"", null);
        confirmationLinkMailedTo(markup);

        String toPlain = MarketingTestInfrastructure.text(MarketingTestInfrastructure.messagesTo(plain)[0]);
        assertThat(toPlain).startsWith("Hello Anne-Marie,").doesNotContain("O'Neil").doesNotContainIgnoringCase("prize")
                .doesNotContain("evil");
        for (String email : List.of(spam, markup)) {
            String text = MarketingTestInfrastructure.text(MarketingTestInfrastructure.messagesTo(email)[0]);
            assertThat(text).startsWith("Hello,").doesNotContain("evil").doesNotContain("prize").doesNotContain("<a")
                    .doesNotContain("Bob");
        }
    }

    @Test
    void smsNeedsAPhoneAndIsConsentedWithEmailWhenGiven() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "sms-" + UUID.randomUUID() + "@example.com";

        Answer noPhone = signUp(email, ",\"channels\":[\"sms\"]", null);
        Answer withPhone = signUp(email, ",\"phone\":\"07911 123460\",\"channels\":[\"email\",\"sms\"]", null);

        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.isProblem()).isTrue();
        assertThat(withPhone.status()).isEqualTo(202);
        assertThat(calls.post(pathOf(confirmationLinkMailedTo(email)), null, null).status()).isEqualTo(200);
        JsonNode subscriber = calls.get("/api/marketing/subscribers?email=" + email, admin).json().get(0);
        assertThat(subscriber.path("channels")).extracting(JsonNode::asString).containsExactly("email", "sms");
        assertThat(subscriber.path("lists")).extracting(JsonNode::asString).containsExactly(properties.defaultList());
    }

    @Test
    void aSuppressedOrRestrictedAddressGetsTheSameAnswerButNoMailAndNothingIsStored() {
        String suppressed = "suppressed-opt-in-" + UUID.randomUUID() + "@example.com";
        String restricted = "restricted-opt-in-" + UUID.randomUUID() + "@example.com";
        String control = "control-opt-in-" + UUID.randomUUID() + "@example.com";
        suppression.suppress(List.of(indexer.email(suppressed)), List.of(), SuppressionEntry.Reason.OBJECTION);
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));
        long pendingBefore = mongo.getCollection("pending_subscriptions").countDocuments();

        Answer toSuppressed = signUp(suppressed, "", null);
        Answer toRestricted = signUp(restricted, "", null);
        Answer toControl = signUp(control, "", null);

        assertThat(List.of(toSuppressed, toRestricted)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(toControl.status()).isEqualTo(202);
            assertThat(answer.text()).isEqualTo(toControl.text());
        });
        // mail leaves in order: once the later sign-up's link has arrived, the earlier ones would have too
        confirmationLinkMailedTo(control);
        assertThat(MarketingTestInfrastructure.messagesTo(suppressed)).isEmpty();
        assertThat(MarketingTestInfrastructure.messagesTo(restricted)).isEmpty();
        assertThat(mongo.getCollection("pending_subscriptions").countDocuments()).isEqualTo(pendingBefore + 1);
    }

    @Test
    void aPersonSuppressedBeforeConfirmingIsNotSubscribed() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "late-objection-" + UUID.randomUUID() + "@example.com";
        signUp(email, "", null);
        String link = confirmationLinkMailedTo(email);
        suppression.suppress(List.of(indexer.email(email)), List.of(), SuppressionEntry.Reason.OBJECTION);

        Answer refused = calls.post(pathOf(link), null, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
    }

    @Test
    void aForgedOrDamagedLinkIsAProblemAndSubscribesNobody() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "forged-" + UUID.randomUUID() + "@example.com";
        signUp(email, "", null);
        String link = pathOf(confirmationLinkMailedTo(email));
        Matcher token = Pattern.compile("token=(.+)").matcher(link);
        assertThat(token.find()).isTrue();
        String forged = SignedLinksTest.tampered(token.group(1), token.group(1).length() - 10);

        List<Answer> answers = List.of(
                calls.get("/api/marketing/subscriptions/confirm?token=" + forged, null),
                calls.post("/api/marketing/subscriptions/confirm?token=" + forged, null, null),
                calls.get("/api/marketing/subscriptions/confirm?token=garbage", null),
                calls.get("/api/marketing/subscriptions/confirm", null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(calls.get("/api/marketing/subscribers?email=" + email, admin).json()).isEmpty();
    }

    @Test
    void aBrowserOpeningAnExpiredOrDamagedLinkSeesAPageWithTheNextStepAndAnApiCallerStillAProblem() throws Exception {
        String expired = links.confirmation(UUID.randomUUID(), Instant.now().minusSeconds(60));
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        Map<String, Integer> refused = Map.of(
                "/api/marketing/subscriptions/confirm?token=" + expired, 410,
                "/api/marketing/subscriptions/confirm?token=garbage", 400,
                "/api/marketing/subscriptions/confirm", 400,
                "/api/marketing/unsubscribe?token=garbage", 400);

        for (Map.Entry<String, Integer> link : refused.entrySet()) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + link.getKey())).header("Accept", browser).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(link.getKey()).isEqualTo(link.getValue());
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("This link did not work").contains("id=\"next-step\"")
                    .contains(link.getKey().contains("unsubscribe") ? "href=\"/privacy\"" : "Sign up again");
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + link.getKey())).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(link.getValue());
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/marketing/subscriptions/confirm?token=" + expired)).header("Accept", browser).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("This confirmation link has expired");
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("pending_subscriptions").countDocuments();

        List<Answer> answers = List.of(
                calls.post(SIGN_UP, "{\"email\":\"nope\"}", null),
                calls.post(SIGN_UP, "{}", null),
                calls.post(SIGN_UP, "{\"email\":\"a@example.com\",\"channels\":[\"fax\"]}", null),
                calls.post(SIGN_UP, "{\"email\":\"a@example.com\",\"lists\":[\"Not A List!\"]}", null),
                calls.post(SIGN_UP, "{\"email\":\"a@example.com\",\"phone\":\"12\"}", null),
                calls.post(SIGN_UP, "{\"email\":\"a@example.com\",\"formId\":\"<script>\"}", null),
                calls.post(SIGN_UP, "not json", null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(mongo.getCollection("pending_subscriptions").countDocuments()).isEqualTo(before);
    }

    private Answer signUp(String email, String more, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SIGN_UP))
                .header("Content-Type", "application/json").header("User-Agent", "opt-in-test/1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"" + more + "}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String confirmationLinkMailedTo(String email) {
        await().atMost(Duration.ofSeconds(20)).until(() -> MarketingTestInfrastructure.messagesTo(email).length > 0);
        Matcher link = LINK.matcher(MarketingTestInfrastructure.text(MarketingTestInfrastructure.messagesTo(email)[0]));
        assertThat(link.find()).isTrue();
        return link.group(1) + link.group(2);
    }

    /** The link as mailed points at the gateway; in this test the service answers it directly. */
    private URI local(String link) {
        return URI.create("http://127.0.0.1:" + port + pathOf(link));
    }

    /** The page's form target, unescaped as a browser would read it. */
    private static String formAction(String page) {
        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as(page).isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(action.group(1));
    }

    private static String pathOf(String link) {
        return URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return PrivacyRequestProbe.header(record, name).orElse("");
    }

    private static String body(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
