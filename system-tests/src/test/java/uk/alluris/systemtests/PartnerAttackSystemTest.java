package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.UnfinishedChunkedBody;

/**
 * Issue 12, the partner-facing holes, each test written as the attack against the packaged platform: a mail scanner
 * that follows the double opt-in link, a sign-up form used to flood an inbox or to mail someone a link, replayed and
 * out-of-order signed webhooks, a signed webhook that is not JSON, and a chunked upload that never ends.
 */
class PartnerAttackSystemTest {

    private static final Pattern CONFIRM = Pattern.compile("(https?://\\S+/api/marketing/subscriptions/confirm\\?token=\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private final Journey journey = new Journey();
    private final String gateway = RunningPlatform.get().gatewayUrl();
    /** This test's own caller address, so that the gateway's per-address limits never meet another test's. */
    private final String address = "198.18.212." + ADDRESSES.getAndIncrement();

    @Test
    void aMailScannerFollowingTheConfirmationLinkSubscribesNobodyOnlyThePagesButtonDoes() throws Exception {
        String email = "scanned-" + UUID.randomUUID() + "@example.com";
        assertThat(signUp(email, "Sam Scanned").status()).isEqualTo(202);
        String link = first(CONFIRM, text(awaitMails(email, 1).get(0)));

        // what a link scanner does, twice
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(link)).GET());
        send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "application/json").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("<button");
        assertThat(journey.client.call("GET", "/api/marketing/subscribers?email=" + email, null, journey.admin).json())
                .isEmpty();
        assertThat(currentGrant(email)).isFalse();

        HttpResponse<String> pressed = send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(200);
        assertThat(pressed.body()).contains("You are subscribed");
        assertThat(journey.client.call("GET", "/api/marketing/subscribers?email=" + email, null, journey.admin).json())
                .hasSize(1);
        await().atMost(Duration.ofSeconds(90)).until(() -> currentGrant(email));
    }

    @Test
    void aFourthSignUpForOneAddressInADaySendsNoMailAndIsAnsweredAlike() {
        String victim = "flooded-" + UUID.randomUUID() + "@example.com";
        String control = "flood-control-" + UUID.randomUUID() + "@example.com";

        List<Answer> answers = List.of(signUp(victim, null), signUp(victim, null), signUp(victim.toUpperCase(), null),
                signUp(victim, null));
        signUp(control, null);

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.text()).isEqualTo(answers.get(0).text());
        });
        // confirmation mails leave one after another: once the control's has arrived, the victim's would have
        awaitMails(control, 1);
        assertThat(mailsTo(victim)).hasSize(3);
    }

    @Test
    void aFormNameCarryingALinkOrMarkupNeverReachesTheConfirmationMail() {
        String linked = "named-link-" + UUID.randomUUID() + "@example.com";
        String marked = "named-markup-" + UUID.randomUUID() + "@example.com";

        signUp(linked, "Claim your prize at https://evil.example/win");
        signUp(marked, "<a href=\\\"https://evil.example\\\">Bob</a>");

        for (String email : List.of(linked, marked)) {
            String mail = text(awaitMails(email, 1).get(0));
            assertThat(mail).startsWith("Hello,").doesNotContain("evil").doesNotContain("prize").doesNotContain("<a")
                    .doesNotContain("Bob");
        }
    }

    @Test
    void aReplayedSignedPartnerLeadHasNoSecondEffect() throws Exception {
        byte[] lead = """
                {"email":"replayed-lead-%s@example.com","fullName":"Rory Replay","formId":"acme-form",
                 "consentText":"Email me offers","consent":{"email":true,"sms":false},"capturedAt":"%s"}
                """.formatted(UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8);
        String signature = signature(RunningPlatform.PARTNER_SECRET, lead);
        long stored = leadStat("stored");
        long duplicates = leadStat("duplicate");

        HttpResponse<String> first = webhook("/webhooks/leads/acme", lead, signature);
        HttpResponse<String> replayed = webhook("/webhooks/leads/acme", lead, signature);
        HttpResponse<String> respelt = webhook("/webhooks/leads/acme", lead, signature.replace(",", " , "));

        assertThat(List.of(first, replayed, respelt)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(first.body());
        });
        assertThat(leadStat("stored")).isEqualTo(stored + 1);
        assertThat(leadStat("duplicate")).isEqualTo(duplicates);
    }

    @Test
    void aReplayedSignedPaymentWebhookHasNoSecondEffect() throws Exception {
        String reference = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String payment = payment(reference);
        byte[] paid = payments(reference, "PAID");
        String paidSignature = signature(RunningPlatform.PAYMENT_SECRET, paid);
        assertThat(webhook("/webhooks/payments", paid, paidSignature).statusCode()).isEqualTo(200);
        byte[] refunded = payments(reference, "REFUNDED");
        assertThat(webhook("/webhooks/payments", refunded, signature(RunningPlatform.PAYMENT_SECRET, refunded))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> replayed = webhook("/webhooks/payments", paid, paidSignature);

        assertThat(replayed.statusCode()).isEqualTo(200);
        JsonNode after = journey.client.call("GET", "/api/bookings/payments/" + payment, null, journey.reception).json();
        assertThat(after.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(after.path("processorNotices")).hasSize(2);
    }

    @Test
    void aLaterValidlySignedPaymentWebhookCannotMoveAStatusBackwards() throws Exception {
        String reference = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String payment = payment(reference);
        byte[] refunded = payments(reference, "REFUNDED");
        assertThat(webhook("/webhooks/payments", refunded, signature(RunningPlatform.PAYMENT_SECRET, refunded))
                .statusCode()).isEqualTo(200);

        for (String earlier : List.of("PAID", "PENDING", "FAILED")) {
            byte[] back = ("{\"processorReference\":\"" + reference + "\",\"status\":\"" + earlier + "\",\"eventId\":\"evt_"
                    + UUID.randomUUID().toString().replace("-", "") + "\"}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = webhook("/webhooks/payments", back, signature(RunningPlatform.PAYMENT_SECRET, back));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("never moves backwards");
        }

        assertThat(journey.client.call("GET", "/api/bookings/payments/" + payment, null, journey.reception).json()
                .path("status").asString()).isEqualTo("REFUNDED");
    }

    @Test
    void aCorrectlySignedPaymentWebhookThatIsNotJsonGetsA400Problem() throws Exception {
        byte[] notJson = "status=PAID&processorReference=pi_x".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = webhook("/webhooks/payments", notJson,
                signature(RunningPlatform.PAYMENT_SECRET, notJson));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void anOversizedChunkedWebhookBodySentStraightToTheServiceIsRefusedWith413BeforeItEnds() {
        RunningPlatform platform = RunningPlatform.get();
        int booking = URI.create(platform.serviceUrl("booking-service")).getPort();
        int marketing = URI.create(platform.serviceUrl("marketing-service")).getPort();

        List<Answer> answers = List.of(
                UnfinishedChunkedBody.post("127.0.0.1", booking, "/webhooks/payments", 2 * 1024 * 1024),
                UnfinishedChunkedBody.post("127.0.0.1", marketing, "/webhooks/leads/acme", 2 * 1024 * 1024),
                UnfinishedChunkedBody.post("127.0.0.1", marketing, "/webhooks/meta/leads", 2 * 1024 * 1024));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(413);
            assertThat(answer.isProblem()).isTrue();
        });
    }

    private String payment(String reference) {
        Answer client = journey.client.call("POST", "/api/bookings/clients", """
                {"fullName":"Penny Payer","email":"payer-%s@example.com","dateOfBirth":"1988-03-04"}
                """.formatted(UUID.randomUUID()), journey.reception);
        String appointment = journey.book(client.json().path("id").asString(), OffsetDateTime.now().minusDays(2));
        Answer payment = journey.client.call("POST", "/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":15000,"status":"PENDING","processorReference":"%s"}
                """.formatted(appointment, reference), journey.reception);
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        return payment.json().path("id").asString();
    }

    private static byte[] payments(String reference, String status) {
        return ("{\"processorReference\":\"" + reference + "\",\"status\":\"" + status + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private boolean currentGrant(String email) {
        return journey.client.call("GET", "/api/consents?email=" + email, null, journey.reception).json()
                .path("current").path("marketing.email").path("granted").asBoolean(false);
    }

    private long leadStat(String outcome) {
        return journey.client.call("GET", "/api/marketing/leads/stats", null, journey.admin).json().path("partner:acme")
                .path(outcome).asLong(0);
    }

    private Answer signUp(String email, String fullName) {
        String body = "{\"email\":\"" + email + "\"" + (fullName == null ? "" : ",\"fullName\":\"" + fullName + "\"") + "}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/marketing/subscriptions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), answer.body());
    }

    private HttpResponse<String> webhook(String path, byte[] body, String signature) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .header("X-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The partner's (or processor's) {@code X-Signature}, made as they make it, now. */
    private static String signature(String secret, byte[] body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<MimeMessage> awaitMails(String to, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(to).size() >= count);
        return mailsTo(to);
    }

    private static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(RunningPlatform.get().mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(to);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    private static String first(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        assertThat(found.find()).as("a link in: " + text).isTrue();
        return found.group(1);
    }
}
