package uk.alluris.booking.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.booking.BookingTestInfrastructure;
import uk.alluris.booking.appointments.AppointmentEvents;
import uk.alluris.local.SmsSink;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Reminders and aftercare planned from appointments' events and sent by the dispatcher, by mail (GreenMail) and SMS
 * (the local sink, in-process): once each, also across a dispatcher that died after sending, and retried when the
 * provider fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class MessagesIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ScheduledMessages messages;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MessageDispatch dispatch;
    @Autowired
    MessagePlans plans;

    private final SmsSink sms = BookingTestInfrastructure.sms();

    @Test
    void aBookingTwentyHoursAheadGetsItsTwentyFourHourReminderAtOnceByMailAndSmsAndNotTheFortyEightHourOne() {
        String email = "remind-" + UUID.randomUUID() + "@example.com";
        UUID clientId = register(email, "07911 200201");
        UUID appointmentId = book(clientId, Duration.ofHours(20), "Avoid heat and exercise for 24 hours.");

        await().atMost(PATIENCE).until(() -> sent(appointmentId).size() == 2);
        await().atMost(PATIENCE).until(() -> !BookingTestInfrastructure.mailTo(email).isEmpty());

        assertThat(sent(appointmentId)).extracting(ScheduledMessage::kind, ScheduledMessage::offsetHours)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ScheduledMessage.Kind.REMINDER, 24L));
        assertThat(BookingTestInfrastructure.subject(BookingTestInfrastructure.mailTo(email).get(0)))
                .startsWith("Reminder: your Lip filler appointment on");
        List<SmsSink.Received> texts = sms.messagesTo("+447911200201");
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).body()).contains("reminder of your appointment").doesNotContain("Lip filler");
        assertThat(messages.findByAppointmentIdAndStatus(appointmentId, ScheduledMessage.Status.PENDING))
                .extracting(ScheduledMessage::kind).containsOnly(ScheduledMessage.Kind.AFTERCARE).hasSize(2);
    }

    @Test
    void movingAnAppointmentMovesItsMessagesAndCancellingItCallsThemOffAftercareIncluded() {
        UUID clientId = register("move-" + UUID.randomUUID() + "@example.com", "07911 200202");
        UUID appointmentId = book(clientId, Duration.ofDays(5), "Keep the area clean.");
        assertThat(pending(appointmentId)).hasSize(6);
        Instant moved = Instant.now().plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        events.publishEvent(new AppointmentEvents.Rescheduled(appointmentId, clientId, moved, moved.plusSeconds(2700)));

        assertThat(pending(appointmentId)).hasSize(6).filteredOn(m -> m.kind() == ScheduledMessage.Kind.REMINDER)
                .extracting(ScheduledMessage::dueAt)
                .containsOnly(moved.minus(Duration.ofHours(48)), moved.minus(Duration.ofHours(24)));

        events.publishEvent(new AppointmentEvents.Cancelled(appointmentId, clientId, false, Instant.now()));

        assertThat(pending(appointmentId)).isEmpty();
        assertThat(messages.findByAppointmentIdAndStatus(appointmentId, ScheduledMessage.Status.CANCELLED)).hasSize(6);
        assertThat(sms.messagesTo("+447911200202")).isEmpty();
    }

    @Test
    void aBookingToldAgainAfterItsCancellationPlansNothingAnewAndItsPlanStaysCalledOff() {
        UUID appointmentId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(5));
        AppointmentEvents.Booked booked = new AppointmentEvents.Booked(appointmentId, clientId, UUID.randomUUID(),
                "Lip filler", start, start.plus(Duration.ofMinutes(45)), 0, "Keep the area clean.");
        events.publishEvent(booked);
        events.publishEvent(new AppointmentEvents.Cancelled(appointmentId, clientId, false, Instant.now()));

        // a replay of the booking's reactions (AppointmentReactions), arriving after the cancellation's
        events.publishEvent(booked);

        assertThat(pending(appointmentId)).isEmpty();
        assertThat(messages.findByAppointmentIdAndStatus(appointmentId, ScheduledMessage.Status.CANCELLED)).hasSize(6);
        assertThat(plans.findById(appointmentId).orElseThrow().cancelled).isTrue();
    }

    @Test
    void aMessageSentBeforeItsDispatcherDiedIsNotSentAgainByTheNextOne() {
        UUID clientId = register("crash-" + UUID.randomUUID() + "@example.com", "07911 200203");
        UUID appointmentId = book(clientId, Duration.ofHours(3), "");
        await().atMost(PATIENCE).until(() -> sent(appointmentId).size() == 2);
        ScheduledMessage text = sent(appointmentId).stream()
                .filter(m -> m.channel() == ScheduledMessage.Channel.SMS).findFirst().orElseThrow();
        String firstSid = text.providerMessageId();

        // what a dispatcher that crashed after the provider took the message, before recording it, leaves behind
        mongo.updateFirst(new Query(Criteria.where("_id").is(text.key())), new Update()
                .set("status", ScheduledMessage.Status.SENDING).set("leaseUntil", Instant.now().minusSeconds(1))
                .unset("providerMessageId"), ScheduledMessage.class);

        await().atMost(PATIENCE).until(() -> messages.findById(text.key()).orElseThrow().status()
                == ScheduledMessage.Status.SENT);
        while (dispatch.dispatchOne()) {
            // a second dispatcher finds nothing of this left to send
        }
        assertThat(messages.findById(text.key()).orElseThrow().providerMessageId()).isEqualTo(firstSid);
        assertThat(sms.messagesTo("+447911200203")).hasSize(1);
    }

    @Test
    void aProviderFailureIsRetriedAndTheMessageStillGoesOnce() {
        UUID clientId = register("retry-" + UUID.randomUUID() + "@example.com", "07911 200204");
        sms.failNext(1);

        UUID appointmentId = book(clientId, Duration.ofHours(10), "");

        await().atMost(PATIENCE).until(() -> sent(appointmentId).size() == 2);
        ScheduledMessage text = sent(appointmentId).stream()
                .filter(m -> m.channel() == ScheduledMessage.Channel.SMS).findFirst().orElseThrow();
        assertThat(text.attempts()).isEqualTo(2);
        assertThat(sms.messagesTo("+447911200204")).hasSize(1);
    }

    @Test
    void aMessageTheProviderNeverTakesIsKeptFailedForStaffToFollowUpAndOnlyStaffSeeIt() {
        UUID clientId = register("failing-" + UUID.randomUUID() + "@example.com", "07911 200205");
        sms.failNext(3);

        UUID appointmentId = book(clientId, Duration.ofHours(12), "");

        await().atMost(PATIENCE).until(() -> !messages.findByAppointmentIdAndStatus(appointmentId,
                ScheduledMessage.Status.FAILED).isEmpty());
        ServiceCalls calls = ServiceCalls.onPort(port);
        String undelivered = calls.get("/api/bookings/messages/undelivered", TestTokens.get().staff("RECEPTION")).text();
        assertThat(undelivered).contains(appointmentId.toString()).contains("\"channel\":\"SMS\"")
                .contains("\"attempts\":3").doesNotContain("07911").doesNotContain("failing-");
        assertThat(calls.get("/api/bookings/messages/undelivered", TestTokens.get().client("someone")).status())
                .isEqualTo(403);
        assertThat(sms.messagesTo("+447911200205")).isEmpty();
    }

    private List<ScheduledMessage> sent(UUID appointmentId) {
        return messages.findByAppointmentIdAndStatus(appointmentId, ScheduledMessage.Status.SENT);
    }

    private List<ScheduledMessage> pending(UUID appointmentId) {
        return messages.findByAppointmentIdAndStatus(appointmentId, ScheduledMessage.Status.PENDING);
    }

    private UUID book(UUID clientId, Duration ahead, String aftercare) {
        UUID appointmentId = UUID.randomUUID();
        Instant start = Instant.now().plus(ahead);
        events.publishEvent(new AppointmentEvents.Booked(appointmentId, clientId, UUID.randomUUID(), "Lip filler", start,
                start.plus(Duration.ofMinutes(45)), 0, aftercare));
        return appointmentId;
    }

    private UUID register(String email, String phone) {
        return UUID.fromString(ServiceCalls.onPort(port).post("/api/bookings/clients", """
                {"fullName":"Remy Nder","email":"%s","phone":"%s","dateOfBirth":"1990-02-03"}
                """.formatted(email, phone), TestTokens.get().staff("RECEPTION")).json().path("id").asString());
    }
}
