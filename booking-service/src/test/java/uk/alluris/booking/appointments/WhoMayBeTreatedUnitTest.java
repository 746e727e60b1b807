package uk.alluris.booking.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.alluris.booking.catalogue.Treatment;

class WhoMayBeTreatedUnitTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant NEXT_WEEK = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration COOLING_OFF = Duration.ofHours(24);
    private static final Treatment FILLER = treatment("Dermal filler", 18, false, false);
    private static final Treatment TOXIN = treatment("Anti-wrinkle", 18, true, false);
    private static final Treatment PEEL = treatment("Peel", 0, false, false);

    @Test
    void aSeventeenYearOldCannotBeBookedForAFiller() {
        assertThat(rule(LocalDate.of(2009, 12, 1), FILLER, List.of())).hasValue("minimum-age");
    }

    @Test
    void someoneWhoseEighteenthBirthdayIsTodayMayBeBooked() {
        assertThat(rule(LocalDate.of(2008, 11, 30), FILLER, List.of())).isEmpty();
    }

    @Test
    void withoutADateOfBirthAnAgeRestrictedTreatmentWaitsForOne() {
        assertThat(rule(null, FILLER, List.of())).hasValue("date-of-birth-needed");
        assertThat(rule(null, PEEL, List.of())).isEmpty();
    }

    @Test
    void aPrescriptionOnlyTreatmentNeedsAPrescribersConsultationFirst() {
        assertThat(rule(adult(), TOXIN, List.of())).hasValue("prescriber-consultation");
        assertThat(rule(adult(), TOXIN, List.of(consultation(NEXT_WEEK.minus(Duration.ofDays(3)), false))))
                .as("a consultation with someone who cannot prescribe").hasValue("prescriber-consultation");
        assertThat(rule(adult(), TOXIN, List.of(consultation(NEXT_WEEK.plus(Duration.ofDays(1)), true))))
                .as("a consultation after the treatment").hasValue("prescriber-consultation");
    }

    @Test
    void theFirstPrescriptionOnlyTreatmentWaitsOutTheCoolingOffPeriod() {
        assertThat(rule(adult(), TOXIN, List.of(consultation(NEXT_WEEK.minus(Duration.ofHours(3)), true))))
                .hasValue("cooling-off");
        assertThat(rule(adult(), TOXIN, List.of(consultation(NEXT_WEEK.minus(Duration.ofHours(25)), true)))).isEmpty();
    }

    @Test
    void aCancelledConsultationDoesNotCount() {
        WhoMayBeTreated.Care cancelled = new WhoMayBeTreated.Care(UUID.randomUUID(), NEXT_WEEK.minus(Duration.ofDays(3)),
                NEXT_WEEK.minus(Duration.ofDays(3)).plus(Duration.ofMinutes(30)), Appointment.Status.CANCELLED, true,
                true, false);

        assertThat(rule(adult(), TOXIN, List.of(cancelled))).hasValue("prescriber-consultation");
    }

    @Test
    void afterAFirstPrescriptionOnlyTreatmentTheNextNeedsNoNewConsultation() {
        WhoMayBeTreated.Care treated = new WhoMayBeTreated.Care(UUID.randomUUID(), Instant.parse("2026-06-01T10:00:00Z"),
                Instant.parse("2026-06-01T10:30:00Z"), Appointment.Status.COMPLETED, false, false, true);

        assertThat(rule(adult(), TOXIN, List.of(treated))).isEmpty();
    }

    private static Optional<String> rule(LocalDate dateOfBirth, Treatment treatment, List<WhoMayBeTreated.Care> history) {
        return WhoMayBeTreated.refusal(dateOfBirth, treatment, NEXT_WEEK, TODAY, LONDON, history, COOLING_OFF)
                .map(WhoMayBeTreated.Refusal::rule);
    }

    private static LocalDate adult() {
        return LocalDate.of(1990, 5, 5);
    }

    private static WhoMayBeTreated.Care consultation(Instant start, boolean withPrescriber) {
        return new WhoMayBeTreated.Care(UUID.randomUUID(), start, start.plus(Duration.ofMinutes(30)),
                Appointment.Status.BOOKED, true, withPrescriber, false);
    }

    private static Treatment treatment(String name, int minimumAge, boolean prescriptionOnly, boolean consultationFirst) {
        return new Treatment(UUID.randomUUID(), name, 30, 20000, 5000, minimumAge, prescriptionOnly, consultationFirst,
                false, false, null, "", true);
    }
}
