package uk.alluris.booking.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The law on who may be treated, through booking's API: age, the prescriber's consultation, age evidence. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class WhoMayBeTreatedIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    Appointments appointments;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void aSeventeenYearOldCannotBeBookedForAFillerByStaffOrOnline() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        TestDiary diary = TestDiary.create(calls);
        String filler = TestDiary.treatment(calls, treatment("Filler", 18, false, false, null));
        String email = "young-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        String dateOfBirth = LocalDate.now(ZoneId.of("Europe/London")).minusYears(17).plusDays(10).toString();
        String clientId = register(calls, email, dateOfBirth, client);
        Instant after = Instant.now().plus(Duration.ofDays(1));

        Answer byStaff = diary.book(clientId, reception, filler, after);
        Answer online = diary.book(null, client, filler, after);

        assertThat(byStaff.status()).as(byStaff.text()).isEqualTo(422);
        assertThat(online.status()).as(online.text()).isEqualTo(422);
        assertThat(byStaff.json().path("rule").asString()).isEqualTo("minimum-age");
        assertThat(online.json().path("detail").asString()).contains("under 18");
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/appointments", reception).json()).isEmpty();
        assertThat(diary.book(clientId, reception, diary.treatmentId(), after).status())
                .as("a treatment with no minimum age").isEqualTo(201);
    }

    @Test
    void aToxinNeedsAPrescribersConsultationAndTheCoolingOffPeriodBeforeTheFirstTreatment() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        TestDiary prescriber = TestDiary.create(calls, "PRESCRIBER");
        String consultation = TestDiary.treatment(calls, treatment("Consultation", 18, false, true, "PRESCRIBER"));
        String toxin = TestDiary.treatment(calls, treatment("Toxin", 18, true, false, null));
        String clientId = register(calls, "toxin-" + UUID.randomUUID() + "@example.com", "1985-01-01", reception);
        Instant after = Instant.now().plus(Duration.ofDays(2));

        Answer first = prescriber.book(clientId, reception, toxin, after);
        assertThat(first.status()).as(first.text()).isEqualTo(422);
        assertThat(first.json().path("rule").asString()).isEqualTo("prescriber-consultation");

        Answer consulted = prescriber.book(clientId, reception, consultation, after);
        assertThat(consulted.status()).as(consulted.text()).isEqualTo(201);
        Instant consultationEnd = Instant.parse(consulted.json().path("end").asString());

        Answer tooSoon = prescriber.book(clientId, reception, toxin, consultationEnd);
        assertThat(tooSoon.status()).as(tooSoon.text()).isEqualTo(422);
        assertThat(tooSoon.json().path("rule").asString()).isEqualTo("cooling-off");

        Answer afterCoolingOff = prescriber.book(clientId, reception, toxin, consultationEnd.plus(Duration.ofHours(24)));
        assertThat(afterCoolingOff.status()).as(afterCoolingOff.text()).isEqualTo(201);
    }

    @Test
    void anAgeRestrictedTreatmentIsMarkedDoneOnlyOnceStaffRecordedHowAgeWasChecked() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        TestDiary diary = TestDiary.create(calls);
        String filler = TestDiary.treatment(calls, treatment("Filler", 18, false, false, null));
        String email = "checked-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, email, "1990-01-01", reception);
        Answer booked = diary.book(clientId, reception, filler, Instant.now().plus(Duration.ofDays(1)));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String id = booked.json().path("id").asString();
        startsAnHourAgo(id);

        Answer unchecked = calls.post("/api/bookings/appointments/" + id + "/completion", null, reception);
        assertThat(unchecked.status()).as(unchecked.text()).isEqualTo(422);
        assertThat(unchecked.json().path("rule").asString()).isEqualTo("age-check-needed");

        String ageChecks = "/api/bookings/clients/" + clientId + "/age-checks";
        assertThat(calls.post(ageChecks, "{\"documentType\":\"PASSPORT\"}",
                TestTokens.get().client(indexer.email(email))).status()).as("a client vouches for nobody").isEqualTo(403);
        assertThat(calls.post(ageChecks, "{\"documentType\":\"LIBRARY_CARD\"}", reception).status()).isEqualTo(400);
        assertThat(calls.post(ageChecks, "{\"documentType\":\"PASSPORT\",\"checkedAt\":\"" + Instant.now()
                .plus(Duration.ofDays(1)) + "\"}", reception).status()).isEqualTo(400);
        Answer checked = calls.post(ageChecks, "{\"documentType\":\"DRIVING_LICENCE\"}", reception);
        assertThat(checked.status()).as(checked.text()).isEqualTo(201);
        assertThat(checked.json().path("checkedBy").asString()).isEqualTo("staff-RECEPTION");

        Answer done = calls.post("/api/bookings/appointments/" + id + "/completion", null, reception);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(calls.get(ageChecks, reception).json()).hasSize(1);
    }

    private void startsAnHourAgo(String id) {
        Appointment appointment = appointments.findById(UUID.fromString(id)).orElseThrow();
        Duration length = Duration.between(appointment.start, appointment.end);
        appointment.start = Instant.now().minus(Duration.ofHours(1));
        appointment.end = appointment.start.plus(length);
        appointments.save(appointment);
    }

    private static String treatment(String name, int minimumAge, boolean prescriptionOnly, boolean consultation,
            String requiredRole) {
        return """
                {"name":"%s %s","durationMinutes":30,"pricePence":20000,"depositPence":5000,"minimumAge":%d,
                 "prescriptionOnly":%s,"consultation":%s,"requiredRole":%s}
                """.formatted(name, UUID.randomUUID(), minimumAge, prescriptionOnly, consultation,
                requiredRole == null ? "null" : "\"" + requiredRole + "\"");
    }

    private String register(ServiceCalls calls, String email, String dateOfBirth, String token) {
        Answer answer = calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"%s","dateOfBirth":"%s"}
                """.formatted(email, dateOfBirth), token);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }
}
