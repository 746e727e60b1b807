package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import uk.alluris.booking.catalogue.Practitioner;

/**
 * The diary's arithmetic, without Spring: the slots a practitioner offers for a treatment of a given length, on the
 * quarter-hour grid of their working hours in clinic time (so a slot at 09:00 is 09:00 in London in summer and winter
 * alike), on days the clinic is open, inside {@code [from, to)}, clear of their booked appointments.
 */
final class SlotGrid {

    /** The diary's granule: slots start on it and claims are taken per granule. */
    static final Duration GRANULE = Duration.ofMinutes(15);

    /** A free slot as availability offers it. */
    record Slot(
            @Schema(description = "When the slot starts (UTC, ISO-8601): the start to book",
                    example = "2026-12-03T10:30:00Z") Instant start,
            @Schema(description = "When the treatment would end (UTC, ISO-8601)", example = "2026-12-03T11:00:00Z")
            Instant end,
            @Schema(description = "The practitioner who offers it", example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17")
            UUID practitionerId) {
    }

    /** A time already taken. */
    record Busy(Instant start, Instant end) {

        boolean overlaps(Instant otherStart, Instant otherEnd) {
            return start.isBefore(otherEnd) && otherStart.isBefore(end);
        }
    }

    private SlotGrid() {
    }

    static List<Slot> free(Practitioner practitioner, Duration length, Instant from, Instant to, ZoneId zone,
            Predicate<LocalDate> closed, List<Busy> busy) {
        List<Slot> slots = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (closed.test(day)) {
                continue;
            }
            for (Practitioner.WorkingHours hours : practitioner.hoursOn(day.getDayOfWeek())) {
                Instant close = ZonedDateTime.of(day, hours.end(), zone).toInstant();
                for (Instant start = ZonedDateTime.of(day, hours.start(), zone).toInstant();
                        !start.plus(length).isAfter(close); start = start.plus(GRANULE)) {
                    Instant end = start.plus(length);
                    Instant slotStart = start;
                    if (!start.isBefore(from) && !end.isAfter(to)
                            && busy.stream().noneMatch(taken -> taken.overlaps(slotStart, end))) {
                        slots.add(new Slot(start, end, practitioner.id()));
                    }
                }
            }
        }
        return slots;
    }

    /** The granules {@code [start, end)} covers, each the start of one quarter hour. */
    static List<Instant> granules(Instant start, Instant end) {
        List<Instant> granules = new ArrayList<>();
        for (Instant granule = start; granule.isBefore(end); granule = granule.plus(GRANULE)) {
            granules.add(granule);
        }
        return granules;
    }
}
