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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The payment processor's webhook: let in by its signature alone, refused (and nothing stored) without a good one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alluris.booking.payment-webhook-secret=test-processor-secret")
@UsesEmbeddedInfrastructure
class PaymentWebhookIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private final String reception = TestTokens.get().staff("RECEPTION");
    private final WebhookSignature processor = new WebhookSignature("test-processor-secret", Clock.systemUTC());

    @Test
    void aSignedNotificationUpdatesThePaymentAndABadOrReplayedOneChangesNothing() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String reference = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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

    private String pendingPayment(ServiceCalls calls, String reference) {
        String client = calls.post("/api/bookings/clients", """
                {"fullName":"Pay Person","email":"pay-%s@example.com","dateOfBirth":"1990-01-01"}
                """.formatted(UUID.randomUUID()), reception).json().path("id").asString();
        String appointment = calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Peel","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(client, OffsetDateTime.now().minusDays(1)), reception).json().path("id").asString();
        return calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":9000,"status":"PENDING","processorReference":"%s"}
                """.formatted(appointment, reference), reception).json().path("id").asString();
    }

    private int deliver(byte[] body, String signatureHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/payments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signatureHeader != null) {
            request.header(WebhookSignature.HEADER, signatureHeader);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
