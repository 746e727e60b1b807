package uk.alluris.booking.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceIntegrationTest;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UnfinishedChunkedBody;

/** The payment processor's webhook: let in by its signature alone, refused (and nothing stored) without a good one. */
@ServiceIntegrationTest
class PaymentWebhookIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private final String reception = TestTokens.get().staff("RECEPTION");
    private WebhookSignature processor;

    /** Signs as the processor with the context's own secret, so this class shares the module's one plain context. */
    @BeforeEach
    void signAsTheProcessor(@Value("${alluris.booking.payment-webhook-secret}") String processorSecret) {
        processor = new WebhookSignature(processorSecret, Clock.systemUTC());
    }

    @Test
    void aSignedNotificationUpdatesThePaymentAndABadOrReplayedOneChangesNothing() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);
        byte[] body = ("{\"processorReference\":\"" + reference + "\",\"status\":\"PAID\"}").getBytes(StandardCharsets.UTF_8);
        long stale = Clock.systemUTC().instant().minus(Duration.ofMinutes(10)).getEpochSecond();
        WebhookSignature stranger = new WebhookSignature("not-the-processor-secret", Clock.systemUTC());

        assertThat(deliver(body, null)).isEqualTo(401);
        assertThat(deliver(body, stranger.header(body))).isEqualTo(401);
        assertThat(deliver(body, "t=" + stale + ",v1=" + processor.sign(stale, body))).isEqualTo(401);
        assertThat(calls.get("/api/bookings/payments/" + payment, reception).json().path("status").asString())
                .isEqualTo("PENDING");

        assertThat(deliver(body, processor.header(body))).isEqualTo(200);
        assertThat(deliver(body, processor.header(body))).isEqualTo(200);
        assertThat(calls.get("/api/bookings/payments/" + payment, reception).json().path("status").asString())
                .isEqualTo("PAID");
        byte[] unknown = "{\"processorReference\":\"pi_nobody\",\"status\":\"PAID\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(deliver(unknown, processor.header(unknown))).isEqualTo(404);
    }

    @Test
    void theSameSignedNotificationReplayedInsideTheWindowHasNoSecondEffect() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);
        byte[] paid = notification(reference, "PAID", null);
        String paidHeader = processor.header(paid);
        assertThat(deliver(paid, paidHeader)).isEqualTo(200);
        assertThat(deliver(notification(reference, "REFUNDED", null), signedLater(notification(reference, "REFUNDED",
                null)))).isEqualTo(200);

        HttpResponse<String> replayed = send(paid, paidHeader);

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("\"applied\":false");
        JsonNode after = calls.get("/api/bookings/payments/" + payment, reception).json();
        assertThat(after.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(after.path("processorNotices")).hasSize(2);
    }

    @Test
    void oneProcessorEventIdIsTakenOnceHoweverOftenItIsSignedAndSent() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        byte[] failed = notification(reference, "FAILED", eventId);

        assertThat(deliver(failed, processor.header(failed))).isEqualTo(200);
        assertThat(deliver(failed, signedLater(failed))).isEqualTo(200);

        JsonNode after = calls.get("/api/bookings/payments/" + payment, reception).json();
        assertThat(after.path("status").asString()).isEqualTo("FAILED");
        assertThat(after.path("processorNotices")).hasSize(1);
        assertThat(after.path("processorNotices").get(0).path("eventId").asString()).isEqualTo(eventId);
    }

    @Test
    void aLaterValidlySignedNotificationCannotMoveAStatusBackwardsAndTheReasonIsKept() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);
        byte[] refunded = notification(reference, "REFUNDED", "evt_r_" + UUID.randomUUID());
        assertThat(deliver(refunded, processor.header(refunded))).isEqualTo(200);

        byte[] paid = notification(reference, "PAID", "evt_p_" + UUID.randomUUID());
        HttpResponse<String> late = send(paid, processor.header(paid));
        byte[] pending = notification(reference, "PENDING", "evt_q_" + UUID.randomUUID());
        HttpResponse<String> backToStart = send(pending, processor.header(pending));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("\"applied\":false").contains("never moves backwards");
        assertThat(backToStart.statusCode()).isEqualTo(200);
        JsonNode after = calls.get("/api/bookings/payments/" + payment, reception).json();
        assertThat(after.path("status").asString()).isEqualTo("REFUNDED");
        assertThat(after.path("processorNotices")).hasSize(3);
        assertThat(after.path("processorNotices").get(1).path("applied").asBoolean()).isFalse();
        assertThat(after.path("processorNotices").get(1).path("reason").asString())
                .contains("never moves backwards").contains("REFUNDED");
    }

    @Test
    void aFailedPaymentMayStillBePaidButAPaidOneNeverFails() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);

        for (String status : List.of("FAILED", "PAID", "FAILED", "PENDING")) {
            byte[] body = notification(reference, status, "evt_" + UUID.randomUUID().toString().replace("-", ""));
            assertThat(deliver(body, processor.header(body))).isEqualTo(200);
        }

        assertThat(calls.get("/api/bookings/payments/" + payment, reception).json().path("status").asString())
                .isEqualTo("PAID");
    }

    @Test
    void aCorrectlySignedNotificationThatIsNotJsonOfTheShapeIsA400ProblemAndChangesNothing() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = reference();
        String payment = pendingPayment(calls, reference);

        for (String text : List.of("not json", "{\"processorReference\":", "[1,2]", "\"PAID\"", "",
                "{\"processorReference\":\"" + reference + "\",\"status\":\"SHIPPED\"}",
                "{\"processorReference\":\"" + reference + "\",\"status\":\"PAID\",\"eventId\":\"<x>\"}")) {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> answer = send(body, processor.header(body));
            assertThat(answer.statusCode()).as(text + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(calls.get("/api/bookings/payments/" + payment, reception).json().path("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeItsSignatureIsCheckedWhetherDeclaredOrChunked() throws Exception {
        byte[] huge = ("{\"padding\":\"" + "x".repeat(PaymentWebhook.MAX_BODY) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = send(huge, processor.header(huge));
        ServiceCalls.Answer chunked = UnfinishedChunkedBody.post("127.0.0.1", port, "/webhooks/payments",
                PaymentWebhook.MAX_BODY + 4096);

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(chunked.status()).as(chunked.text()).isEqualTo(413);
        assertThat(chunked.isProblem()).isTrue();
    }

    /**
     * A fresh processor reference: 16 hex digits with a letter in the middle, so that it never holds the run of 13
     * digits passing Luhn that booking refuses as a card number (about 1 in 1,300 plain 16-hex references did).
     */
    private static String reference() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "pi_" + hex.substring(0, 8) + "x" + hex.substring(8, 16);
    }

    private static byte[] notification(String reference, String status, String eventId) {
        return ("{\"processorReference\":\"" + reference + "\",\"status\":\"" + status + "\""
                + (eventId == null ? "" : ",\"eventId\":\"" + eventId + "\"") + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Signed a little later than now (still inside the window), as a separate delivery is. */
    private String signedLater(byte[] body) {
        long t = Clock.systemUTC().instant().getEpochSecond() + 7;
        return "t=" + t + ",v1=" + processor.sign(t, body);
    }

    private String pendingPayment(ServiceCalls calls, String reference) {
        String client = calls.post("/api/bookings/clients", """
                {"fullName":"Pay Person","email":"pay-%s@example.com","dateOfBirth":"1990-01-01"}
                """.formatted(UUID.randomUUID()), reception).json().path("id").asString();
        String appointment = calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Peel","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(client, OffsetDateTime.now().minusDays(1)), reception).json().path("id").asString();
        ServiceCalls.Answer recorded = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":9000,"status":"PENDING","processorReference":"%s"}
                """.formatted(appointment, reference), reception);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        return recorded.json().path("id").asString();
    }

    private int deliver(byte[] body, String signatureHeader) throws Exception {
        return send(body, signatureHeader).statusCode();
    }

    private HttpResponse<String> send(byte[] body, String signatureHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/payments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            request.header(WebhookSignature.HEADER, signatureHeader);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
