package uk.alluris.booking.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.booking.testing.PublishedAppointmentEvents;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * An appointment's change whose reactions never ran (the service died between the save and the listeners) is seen
 * through by the replay: its deposit and its messages appear, and telling a booking again opens no second deposit and
 * plans no message twice. The replay job's method is called directly; nothing waits on its schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class AppointmentReactionsIntegrationTest {

    @Autowired
    Appointments appointments;
    @Autowired
    AppointmentReactions reactions;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PublishedAppointmentEvents events;

    @Test
    void aBookingSavedWithItsReactionsPendingButNeverToldGetsItsDepositAndMessagesWhenTheReplayRuns() {
        Appointment appointment = savedButNeverTold(Instant.now().minus(Duration.ofMinutes(2)));

        reactions.replayStale();

        assertThat(deposit(appointment.id())).isNotNull();
        assertThat(deposit(appointment.id()).getString("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(messageKeys(appointment.id())).as("48h and 24h reminders and aftercare, by mail and SMS").hasSize(6);
        assertThat(appointments.findById(appointment.id()).orElseThrow().pendingReactions()).isEmpty();
    }

    @Test
    void aBookingToldAgainByTheReplayOpensNoSecondDepositAndPlansNoMessageTwice() {
        Appointment appointment = savedButNeverTold(Instant.now().minus(Duration.ofMinutes(2)));
        reactions.replayStale();
        String intent = deposit(appointment.id()).getString("intentId");
        List<String> planned = messageKeys(appointment.id());

        // what a service that died after the reactions ran, before clearing them, leaves behind
        appointments.save(appointment);
        reactions.replayStale();

        assertThat(events.about(appointment.id().toString())).as("the booking was told again").hasSizeGreaterThan(1);
        assertThat(mongo.count(new Query(where("_id").is(appointment.id())), "deposits")).isEqualTo(1);
        assertThat(deposit(appointment.id()).getString("intentId")).isEqualTo(intent);
        assertThat(messageKeys(appointment.id())).hasSize(6).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(appointments.findById(appointment.id()).orElseThrow().pendingReactions()).isEmpty();
    }

    @Test
    void aChangeStillInsideItsGracePeriodIsLeftToTheRequestThatMadeIt() {
        Appointment appointment = savedButNeverTold(Instant.now());

        reactions.replayStale();

        assertThat(deposit(appointment.id())).isNull();
        assertThat(events.about(appointment.id().toString())).isEmpty();
        assertThat(appointments.findById(appointment.id()).orElseThrow().pendingReactions()).hasSize(1);
    }

    /** A booking saved with its change pending since {@code since}, as a service that died at once leaves it. */
    private Appointment savedButNeverTold(Instant since) {
        Instant start = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(30));
        UUID clientId = UUID.randomUUID();
        Appointment appointment = Appointment.book(clientId, UUID.randomUUID(), "Test facial", UUID.randomUUID(),
                "Practitioner", start, end, null, Instant.now(), "staff-RECEPTION");
        appointment.awaitReactions(new AppointmentEvents.Booked(appointment.id(), clientId, appointment.treatmentId(),
                "Test facial", start, end, 2000, "Keep it clean."), since);
        return appointments.insert(appointment);
    }

    private Document deposit(UUID appointmentId) {
        return mongo.findOne(new Query(where("_id").is(appointmentId)), Document.class, "deposits");
    }

    private List<String> messageKeys(UUID appointmentId) {
        return mongo.find(new Query(where("appointmentId").is(appointmentId)), Document.class, "scheduled_messages")
                .stream().map(message -> message.getString("_id")).toList();
    }
}
