package uk.alluris.booking.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.alluris.booking.catalogue.Practitioner;

class SlotGridUnitTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Practitioner SUNDAY_MORNINGS = new Practitioner(UUID.randomUUID(), "Dr Sunday", Set.of(),
            List.of(new Practitioner.WorkingHours(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))), true);

    @Test
    void slotsStartAtTheSameClinicTimeEitherSideOfTheClocksChanging() {
        // 29 March 2026 the clocks go forward (09:00 BST is 08:00 UTC); 25 October 2026 back (09:00 GMT is 09:00 UTC)
        List<SlotGrid.Slot> spring = day(LocalDate.of(2026, 3, 29), List.of());
        List<SlotGrid.Slot> autumn = day(LocalDate.of(2026, 10, 25), List.of());

        assertThat(spring).first().extracting(SlotGrid.Slot::start).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(autumn).first().extracting(SlotGrid.Slot::start).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void aThirtyMinuteTreatmentInAnHourIsOfferedOnEveryQuarterHourThatStillEndsInTime() {
        List<SlotGrid.Slot> slots = day(LocalDate.of(2026, 11, 29), List.of());

        assertThat(slots).extracting(SlotGrid.Slot::start).containsExactly(Instant.parse("2026-11-29T09:00:00Z"),
                Instant.parse("2026-11-29T09:15:00Z"), Instant.parse("2026-11-29T09:30:00Z"));
        assertThat(slots).allSatisfy(slot -> assertThat(slot.end()).isEqualTo(slot.start().plus(Duration.ofMinutes(30))));
    }

    @Test
    void aBookedAppointmentRemovesEverySlotThatWouldOverlapIt() {
        List<SlotGrid.Slot> slots = day(LocalDate.of(2026, 11, 29), List.of(new SlotGrid.Busy(
                Instant.parse("2026-11-29T09:15:00Z"), Instant.parse("2026-11-29T09:30:00Z"))));

        assertThat(slots).extracting(SlotGrid.Slot::start).containsExactly(Instant.parse("2026-11-29T09:30:00Z"));
    }

    @Test
    void aClosedDayOffersNothing() {
        LocalDate christmas = LocalDate.of(2026, 12, 27);
        Instant from = christmas.atStartOfDay(LONDON).toInstant();

        assertThat(SlotGrid.free(SUNDAY_MORNINGS, Duration.ofMinutes(30), from, from.plus(Duration.ofDays(1)), LONDON,
                christmas::equals, List.of())).isEmpty();
    }

    @Test
    void anAppointmentClaimsEachQuarterHourItCovers() {
        Instant start = Instant.parse("2026-11-29T09:00:00Z");

        assertThat(SlotGrid.granules(start, start.plus(Duration.ofMinutes(45)))).containsExactly(start,
                start.plus(Duration.ofMinutes(15)), start.plus(Duration.ofMinutes(30)));
    }

    private static List<SlotGrid.Slot> day(LocalDate day, List<SlotGrid.Busy> busy) {
        Instant from = day.atStartOfDay(LONDON).toInstant();
        return SlotGrid.free(SUNDAY_MORNINGS, Duration.ofMinutes(30), from, from.plus(Duration.ofDays(1)), LONDON,
                d -> false, busy);
    }
}
