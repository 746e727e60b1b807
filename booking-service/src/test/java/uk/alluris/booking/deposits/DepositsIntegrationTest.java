package uk.alluris.booking.deposits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import uk.alluris.booking.BookingTestInfrastructure;
import uk.alluris.booking.appointments.AppointmentEvents;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.local.PaymentSimulator;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Deposits through the Stripe-shaped processor (the local simulator, in-process): an intent per booking, paid in the
 * simulator, its signed event taken, receipts mailed (GreenMail), refunded on an early cancellation, kept on a late one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class DepositsIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    BlindIndexer indexer;

    private final String reception = TestTokens.get().staff("RECEPTION");
    private final PaymentSimulator processor = BookingTestInfrastructure.processor();

    @BeforeEach
    void processorSendsEventsHere() {
        processor.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/payments");
    }

    @Test
    void aPaidDepositIsRecordedFromTheSignedEventAndItsReceiptIsMailed() {
        String email = "deposit-" + UUID.randomUUID() + "@example.com";
        UUID clientId = register(email);
        UUID appointmentId = book(clientId, 5000, Duration.ofDays(7));

        JsonNode checkout = ServiceCalls.onPort(port).get(depositOf(appointmentId), TestTokens.get().client(
                indexer.email(email))).json();
        assertThat(checkout.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(checkout.path("amountPence").asLong()).isEqualTo(5000);
        assertThat(checkout.path("clientSecret").asString()).startsWith(checkout.path("intentId").asString() + "_secret_");
        assertThat(processor.intent(checkout.path("intentId").asString()).appointmentId()).isEqualTo(appointmentId.toString());

        processor.pay(checkout.path("intentId").asString());

        await().atMost(PATIENCE).until(() -> status(appointmentId).equals("PAID"));
        await().atMost(PATIENCE).until(() -> BookingTestInfrastructure.mailTo(email).stream()
                .anyMatch(m -> BookingTestInfrastructure.subject(m).equals("Receipt: deposit paid")));
        assertThat(BookingTestInfrastructure.text(BookingTestInfrastructure.mailTo(email).stream()
                .filter(m -> BookingTestInfrastructure.subject(m).equals("Receipt: deposit paid")).findFirst()
                .orElseThrow())).contains("£50.00").contains(appointmentId.toString());
        // a booking told twice opens no second intent: the same one, by the same idempotency key
        events.publishEvent(booked(appointmentId, clientId, 5000, Duration.ofDays(7)));
        assertThat(ServiceCalls.onPort(port).get(depositOf(appointmentId), reception).json().path("intentId").asString())
                .isEqualTo(checkout.path("intentId").asString());
    }

    @Test
    void anEarlyCancellationRefundsThroughTheProcessorAndALateOneKeepsTheDeposit() {
        String early = "early-" + UUID.randomUUID() + "@example.com";
        UUID earlyClient = register(early);
        UUID refunded = paidDeposit(earlyClient);
        String late = "late-" + UUID.randomUUID() + "@example.com";
        UUID lateClient = register(late);
        UUID kept = paidDeposit(lateClient);

        events.publishEvent(new AppointmentEvents.Cancelled(refunded, earlyClient, false, Instant.now()));
        events.publishEvent(new AppointmentEvents.Cancelled(kept, lateClient, true, Instant.now()));

        await().atMost(PATIENCE).until(() -> status(refunded).equals("REFUNDED"));
        assertThat(processor.intent(intentOf(refunded)).refunded()).isTrue();
        await().atMost(PATIENCE).until(() -> BookingTestInfrastructure.mailTo(early).stream()
                .anyMatch(m -> BookingTestInfrastructure.subject(m).equals("Receipt: deposit refunded")));
        JsonNode keptDeposit = ServiceCalls.onPort(port).get(depositOf(kept), reception).json();
        assertThat(keptDeposit.path("status").asString()).isEqualTo("KEPT");
        assertThat(keptDeposit.path("history").get(keptDeposit.path("history").size() - 1).path("reason").asString())
                .contains("cancellation rule");
        assertThat(processor.intent(intentOf(kept)).refunded()).isFalse();

        // the processor's refund event arriving after the refund was recorded moves nothing and mails nothing more
        await().during(Duration.ofMillis(600)).atMost(PATIENCE).until(() -> BookingTestInfrastructure.mailTo(early)
                .stream().filter(m -> BookingTestInfrastructure.subject(m).equals("Receipt: deposit refunded"))
                .count() == 1);
        assertThat(status(refunded)).isEqualTo("REFUNDED");
    }

    @Test
    void aMissedAppointmentKeepsThePaidDepositAndNothingMovesItBack() {
        UUID clientId = register("missed-" + UUID.randomUUID() + "@example.com");
        UUID appointmentId = paidDeposit(clientId);

        events.publishEvent(new AppointmentEvents.NoShow(appointmentId, clientId, Instant.now()));
        events.publishEvent(new AppointmentEvents.Cancelled(appointmentId, clientId, false, Instant.now()));

        assertThat(status(appointmentId)).isEqualTo("KEPT");
        assertThat(processor.intent(intentOf(appointmentId)).refunded()).isFalse();
    }

    @Test
    void anotherClientSeesNoDepositAndATreatmentWithoutOneRecordsNone() {
        UUID clientId = register("owner-" + UUID.randomUUID() + "@example.com");
        UUID appointmentId = book(clientId, 5000, Duration.ofDays(5));
        UUID free = book(clientId, 0, Duration.ofDays(6));
        String stranger = TestTokens.get().client(indexer.email("stranger-" + UUID.randomUUID() + "@example.com"));

        ServiceCalls.Answer theirs = ServiceCalls.onPort(port).get(depositOf(appointmentId), stranger);
        ServiceCalls.Answer none = ServiceCalls.onPort(port).get(depositOf(free), reception);

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.isProblem()).isTrue();
        assertThat(none.status()).isEqualTo(404);
        assertThat(ServiceCalls.onPort(port).get(depositOf(appointmentId), null).status()).isEqualTo(401);
    }

    @Test
    void aProcessorEventWithoutAGoodStripeSignatureIsRefusedAndAReplayedOneChangesNothing() throws Exception {
        UUID clientId = register("signed-" + UUID.randomUUID() + "@example.com");
        UUID appointmentId = book(clientId, 5000, Duration.ofDays(4));
        byte[] event = ("{\"id\":\"evt_" + UUID.randomUUID().toString().replace("-", "") + "\",\"type\":"
                + "\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"" + intentOf(appointmentId)
                + "\",\"status\":\"succeeded\"}}}").getBytes(StandardCharsets.UTF_8);
        WebhookSignature stranger = new WebhookSignature("not-the-shared-webhook-secret", Clock.systemUTC(),
                WebhookSignature.STRIPE_HEADER);
        WebhookSignature shared = new WebhookSignature("local-default-payment-webhook-secret", Clock.systemUTC(),
                WebhookSignature.STRIPE_HEADER);

        assertThat(deliver(event, stranger.header(event)).statusCode()).isEqualTo(401);
        assertThat(status(appointmentId)).isEqualTo("AWAITING_PAYMENT");
        assertThat(deliver("{}".getBytes(StandardCharsets.UTF_8), shared.header("{}".getBytes(StandardCharsets.UTF_8)))
                .statusCode()).isEqualTo(400);

        String signed = shared.header(event);
        assertThat(deliver(event, signed).body()).contains("\"applied\":true");
        assertThat(deliver(event, signed).body()).contains("\"applied\":false");
        assertThat(status(appointmentId)).isEqualTo("PAID");
    }

    private HttpResponse<String> deliver(byte[] body, String signature) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webhooks/payments")).header("Content-Type", "application/json")
                .header(WebhookSignature.STRIPE_HEADER, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private UUID paidDeposit(UUID clientId) {
        UUID appointmentId = book(clientId, 7500, Duration.ofDays(10));
        processor.pay(intentOf(appointmentId));
        await().atMost(PATIENCE).until(() -> status(appointmentId).equals("PAID"));
        return appointmentId;
    }

    private UUID book(UUID clientId, long depositPence, Duration ahead) {
        UUID appointmentId = UUID.randomUUID();
        events.publishEvent(booked(appointmentId, clientId, depositPence, ahead));
        return appointmentId;
    }

    private static AppointmentEvents.Booked booked(UUID appointmentId, UUID clientId, long depositPence, Duration ahead) {
        Instant start = Instant.now().plus(ahead);
        return new AppointmentEvents.Booked(appointmentId, clientId, UUID.randomUUID(), "Lip filler", start,
                start.plus(Duration.ofMinutes(45)), depositPence, "");
    }

    private String status(UUID appointmentId) {
        return ServiceCalls.onPort(port).get(depositOf(appointmentId), reception).json().path("status").asString();
    }

    private String intentOf(UUID appointmentId) {
        return ServiceCalls.onPort(port).get(depositOf(appointmentId), reception).json().path("intentId").asString();
    }

    private static String depositOf(UUID appointmentId) {
        return "/api/bookings/appointments/" + appointmentId + "/deposit";
    }

    private UUID register(String email) {
        return UUID.fromString(ServiceCalls.onPort(port).post("/api/bookings/clients", """
                {"fullName":"Dee Posit","email":"%s","phone":"07911 200123","dateOfBirth":"1988-03-04"}
                """.formatted(email), reception).json().path("id").asString());
    }
}
