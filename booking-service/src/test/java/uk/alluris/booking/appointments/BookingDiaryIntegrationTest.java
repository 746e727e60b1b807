package uk.alluris.booking.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.booking.testing.ContestedSlot;
import uk.alluris.booking.testing.PublishedAppointmentEvents;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Availability, booking, moving, cancelling and the diary through booking's API, on the embedded store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BookingDiaryIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    PublishedAppointmentEvents events;
    @Autowired
    Appointments appointments;
    @Autowired
    MongoTemplate mongo;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void tenCallersBookingTheSameSlotAtOnceGetExactlyOneAppointmentAndNineConflicts() throws Exception {
        List<Integer> statuses = ContestedSlot.bookedAtOnce(ServiceCalls.onPort(port));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(ContestedSlot.CALLERS - 1);
    }

    @Test
    void aClientBooksOnlineFromAvailabilityAndTheSlotIsNoLongerOffered() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "online-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        String clientId = register(calls, email, "1991-02-03", client);
        TestDiary diary = TestDiary.create(calls);
        Instant after = Instant.now().plus(Duration.ofDays(2));
        JsonNode slot = diary.firstFreeSlot(diary.treatmentId(), after);

        Answer booked = diary.book(null, client, after);

        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        JsonNode appointment = booked.json();
        assertThat(appointment.path("clientId").asString()).isEqualTo(clientId);
        assertThat(appointment.path("start").asString()).isEqualTo(slot.path("start").asString());
        assertThat(appointment.path("status").asString()).isEqualTo("BOOKED");
        assertThat(appointment.path("history").get(0).path("by").asString()).isEqualTo("client");
        assertThat(diary.firstFreeSlot(diary.treatmentId(), after).path("start").asString())
                .isNotEqualTo(slot.path("start").asString());
        assertThat(events.about(appointment.path("id").asString())).singleElement()
                .isInstanceOfSatisfying(AppointmentEvents.Booked.class, event -> {
                    assertThat(event.depositPence()).isEqualTo(2000);
                    assertThat(event.aftercare()).isEqualTo("Keep it clean.");
                    assertThat(event.clientId()).hasToString(clientId);
                });
    }

    @Test
    void aStartThatIsNotAnOfferedSlotOrAnUnboundedRangeIsRefusedWithAProblem() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String clientId = register(calls, "grid-" + UUID.randomUUID() + "@example.com", "1980-01-01", reception);
        TestDiary diary = TestDiary.create(calls);
        Instant offGrid = Instant.parse(diary.firstFreeSlot(diary.treatmentId(), Instant.now().plus(Duration.ofDays(1)))
                .path("start").asString()).plus(Duration.ofMinutes(7));
        Instant now = Instant.now();

        Answer notASlot = calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatmentId":"%s","practitionerId":"%s","start":"%s"}
                """.formatted(clientId, diary.treatmentId(), diary.practitionerId(), offGrid), reception);
        Answer tooLong = calls.get("/api/bookings/availability?treatment=%s&from=%s&to=%s".formatted(
                diary.treatmentId(), now, now.plus(Duration.ofDays(32))), reception);
        Answer backwards = calls.get("/api/bookings/availability?treatment=%s&from=%s&to=%s".formatted(
                diary.treatmentId(), now, now.minus(Duration.ofDays(1))), reception);
        Answer noTreatment = calls.get("/api/bookings/availability?from=%s&to=%s".formatted(now, now), reception);

        assertThat(notASlot.status()).isEqualTo(422);
        assertThat(notASlot.json().path("detail").asString()).contains("availability");
        assertThat(List.of(tooLong, backwards, noTreatment)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(tooLong.json().path("detail").asString()).contains("31 days");
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/appointments", reception).json()).isEmpty();
    }

    @Test
    void reschedulingMovesTheSlotAndEveryChangeIsKeptInTheHistory() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String clientId = register(calls, "move-" + UUID.randomUUID() + "@example.com", "1980-01-01", reception);
        TestDiary diary = TestDiary.create(calls);
        Instant after = Instant.now().plus(Duration.ofDays(3));
        String id = diary.booked(clientId, reception, after);
        String first = calls.get("/api/bookings/appointments/" + id, reception).json().path("start").asString();
        Instant later = Instant.parse(diary.firstFreeSlot(diary.treatmentId(), Instant.parse(first)
                .plus(Duration.ofHours(2))).path("start").asString());

        Answer moved = calls.post("/api/bookings/appointments/" + id + "/reschedule",
                "{\"start\":\"" + later + "\"}", reception);

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.json().path("start").asString()).isEqualTo(later.toString());
        assertThat(diary.firstFreeSlot(diary.treatmentId(), after).path("start").asString())
                .as("the old slot is free again").isEqualTo(first);
        // another client cannot take the time the appointment moved to
        String otherId = register(calls, "other-" + UUID.randomUUID() + "@example.com", "1980-01-01", reception);
        assertThat(calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatmentId":"%s","practitionerId":"%s","start":"%s"}
                """.formatted(otherId, diary.treatmentId(), diary.practitionerId(), later), reception).status())
                .isEqualTo(409);

        Answer cancelled = calls.post("/api/bookings/appointments/" + id + "/cancellation", null, reception);

        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("lateCancellation").asBoolean()).isFalse();
        assertThat(cancelled.json().path("history").valueStream().map(change -> change.path("from").asString("-")
                + ">" + change.path("to").asString() + " by " + change.path("by").asString()).toList())
                .containsExactly("->BOOKED by staff-RECEPTION", "BOOKED>BOOKED by staff-RECEPTION",
                        "BOOKED>CANCELLED by staff-RECEPTION");
        assertThat(events.about(id)).extracting(Object::getClass).containsExactly(AppointmentEvents.Booked.class,
                AppointmentEvents.Rescheduled.class, AppointmentEvents.Cancelled.class);
        assertThat(appointments.findById(UUID.fromString(id)).orElseThrow().pendingReactions())
                .as("each change's reactions ran, so none is left for the replay").isEmpty();
        assertThat(calls.post("/api/bookings/appointments/" + id + "/cancellation", null, reception).status())
                .isEqualTo(409);
    }

    @Test
    void cancellingInsideTheFortyEightHourWindowIsLateAndKeepsTheDeposit() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "late-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        register(calls, email, "1980-01-01", client);
        String id = TestDiary.create(calls).booked(null, client, Instant.now().plus(Duration.ofHours(3)));

        Answer cancelled = calls.post("/api/bookings/appointments/" + id + "/cancellation", null, client);

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("lateCancellation").asBoolean()).isTrue();
        assertThat(events.about(id)).last().isInstanceOfSatisfying(AppointmentEvents.Cancelled.class,
                event -> assertThat(event.late()).isTrue());
    }

    @Test
    void aNoShowIsRecordedByStaffOnceTheStartHasPassedAndTheDiaryShowsTheDay() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "missed-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, email, "1980-01-01", reception);
        TestDiary diary = TestDiary.create(calls);
        String id = diary.booked(clientId, reception, Instant.now().plus(Duration.ofDays(1)));
        String client = TestTokens.get().client(indexer.email(email));

        assertThat(calls.post("/api/bookings/appointments/" + id + "/no-show", null, reception).status()).isEqualTo(409);
        assertThat(calls.post("/api/bookings/appointments/" + id + "/no-show", null, client).status()).isEqualTo(403);
        startsAnHourAgo(id);
        Answer missed = calls.post("/api/bookings/appointments/" + id + "/no-show", null, reception);

        assertThat(missed.status()).as(missed.text()).isEqualTo(200);
        assertThat(missed.json().path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(events.about(id)).last().isInstanceOf(AppointmentEvents.NoShow.class);
        String today = Instant.now().minus(Duration.ofHours(1)).atZone(ZoneId.of("Europe/London")).toLocalDate()
                .toString();
        Answer day = calls.get("/api/bookings/diary?date=" + today + "&practitioner=" + diary.practitionerId(),
                reception);
        assertThat(day.json()).singleElement().satisfies(entry -> {
            assertThat(entry.path("appointmentId").asString()).isEqualTo(id);
            assertThat(entry.path("clientName").asString()).isEqualTo("Test Person");
            assertThat(entry.path("status").asString()).isEqualTo("NO_SHOW");
            assertThat(entry.path("restricted").asBoolean()).isFalse();
            assertThat(entry.path("objected").asBoolean()).isFalse();
        });
        assertThat(calls.get("/api/bookings/diary?date=" + today, client).status()).isEqualTo(403);
        assertThat(calls.get("/api/bookings/diary?date=30-11-2026", reception).status()).isEqualTo(400);
    }

    @Test
    void aClaimLeftByACrashBeforeItsAppointmentWasSavedBlocksTheSlotOnlyUntilItsGracePeriodEnds() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String clientId = register(calls, "orphan-" + UUID.randomUUID() + "@example.com", "1980-01-01", reception);
        TestDiary diary = TestDiary.create(calls);
        Instant after = Instant.now().plus(Duration.ofDays(1));
        Instant fresh = Instant.parse(diary.firstFreeSlot(diary.treatmentId(), after).path("start").asString());
        Instant stale = Instant.parse(diary.firstFreeSlot(diary.treatmentId(), fresh.plus(Duration.ofMinutes(30)))
                .path("start").asString());
        UUID practitioner = UUID.fromString(diary.practitionerId());
        orphanClaim(practitioner, fresh, Instant.now());
        orphanClaim(practitioner, stale, Instant.now().minus(Duration.ofMinutes(10)));

        assertThat(diary.firstFreeSlot(diary.treatmentId(), after).path("start").asString())
                .as("availability reads appointments, so an orphan never hides a slot").isEqualTo(fresh.toString());
        assertThat(bookAt(calls, clientId, diary, fresh).status()).as("a claim maybe still being saved").isEqualTo(409);
        Answer takenOver = bookAt(calls, clientId, diary, stale);
        assertThat(takenOver.status()).as(takenOver.text()).isEqualTo(201);
    }

    private Answer bookAt(ServiceCalls calls, String clientId, TestDiary diary, Instant start) {
        return calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatmentId":"%s","practitionerId":"%s","start":"%s"}
                """.formatted(clientId, diary.treatmentId(), diary.practitionerId(), start), reception);
    }

    /** What a crash between claiming and saving leaves: a claim whose appointment was never saved. */
    private void orphanClaim(UUID practitioner, Instant granule, Instant claimedAt) {
        mongo.insert(new Document("_id", SlotClaims.key(practitioner, granule)).append("appointmentId", UUID.randomUUID())
                .append("practitionerId", practitioner).append("granule", granule).append("claimedAt", claimedAt),
                SlotClaims.COLLECTION);
    }

    /** Time passes: the appointment now started an hour ago (its slot claims stay where they were). */
    void startsAnHourAgo(String id) {
        Appointment appointment = appointments.findById(UUID.fromString(id)).orElseThrow();
        Duration length = Duration.between(appointment.start, appointment.end);
        appointment.start = Instant.now().minus(Duration.ofHours(1));
        appointment.end = appointment.start.plus(length);
        appointments.save(appointment);
    }

    private String register(ServiceCalls calls, String email, String dateOfBirth, String token) {
        Answer answer = calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"%s","dateOfBirth":"%s"}
                """.formatted(email, dateOfBirth), token);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }
}
