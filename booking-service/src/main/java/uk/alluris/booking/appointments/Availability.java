package uk.alluris.booking.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Predicate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.booking.catalogue.Practitioner;
import uk.alluris.booking.catalogue.Treatment;
import uk.alluris.kit.problem.ProblemException;

/**
 * Free slots for a treatment: each qualified practitioner's working hours, minus bank holidays and closures, minus
 * their booked appointments, never in the past. Booking accepts only a slot this offers.
 */
@Component
class Availability {

    private final Catalogue catalogue;
    private final Appointments appointments;
    private final BookingRules rules;
    private final Clock clock;

    Availability(Catalogue catalogue, Appointments appointments, BookingRules rules, Clock clock) {
        this.catalogue = catalogue;
        this.appointments = appointments;
        this.rules = rules;
        this.clock = clock;
    }

    /** Free slots in {@code [from, to)}, by start then practitioner; a 400 problem for a range that is not bounded. */
    List<SlotGrid.Slot> free(Treatment treatment, UUID practitionerId, Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(rules.maxAvailabilityRange()) > 0) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "from must be before to, and the "
                    + "range at most " + rules.maxAvailabilityRange().toDays() + " days");
        }
        List<Practitioner> practitioners = (practitionerId == null ? catalogue.activePractitioners()
                : List.of(catalogue.practitioner(practitionerId))).stream().filter(treatment::givenBy).toList();
        return slots(treatment, practitioners, from, to, true);
    }

    /**
     * A 422 problem unless {@code start} is a slot {@code practitioner} offers for {@code treatment}, busy or not
     * (whether it is free is for the slot claims to decide, atomically).
     */
    void requireOffered(Treatment treatment, Practitioner practitioner, Instant start) {
        Instant end = start.plus(Duration.ofMinutes(treatment.durationMinutes()));
        boolean offered = treatment.givenBy(practitioner) && start.isAfter(clock.instant())
                && !slots(treatment, List.of(practitioner), start, end, false).isEmpty();
        if (!offered) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Not an available slot", "start is not a "
                    + "slot this practitioner offers for this treatment: choose one from GET /api/bookings/availability");
        }
    }

    private List<SlotGrid.Slot> slots(Treatment treatment, List<Practitioner> practitioners, Instant from, Instant to,
            boolean freeOnly) {
        if (practitioners.isEmpty()) {
            return List.of();
        }
        Instant earliest = from.isAfter(clock.instant()) ? from : nextGranule(clock.instant());
        List<SlotGrid.Busy> none = List.of();
        ZoneId zone = catalogue.calendar().zone();
        Predicate<LocalDate> closed = catalogue.closedDays(earliest.atZone(zone).toLocalDate(),
                to.atZone(zone).toLocalDate());
        List<Appointment> booked = freeOnly ? appointments.findBookedOverlapping(
                practitioners.stream().map(Practitioner::id).toList(), earliest, to) : List.of();
        return practitioners.stream()
                .flatMap(practitioner -> SlotGrid.free(practitioner, Duration.ofMinutes(treatment.durationMinutes()),
                        earliest, to, zone, closed, !freeOnly ? none
                                : booked.stream().filter(a -> practitioner.id().equals(a.practitionerId()))
                                        .map(a -> new SlotGrid.Busy(a.start(), a.end())).toList())
                        .stream())
                .sorted(Comparator.comparing(SlotGrid.Slot::start).thenComparing(s -> s.practitionerId().toString()))
                .toList();
    }

    private static Instant nextGranule(Instant now) {
        long granule = SlotGrid.GRANULE.toSeconds();
        return Instant.ofEpochSecond((now.getEpochSecond() / granule + 1) * granule);
    }
}
