package uk.alluris.booking.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an appointment's messages fall due. A reminder goes {@code offset} before the start; of those whose time had
 * already passed when the appointment was booked (or moved), only the latest is sent, at once — a booking 20 hours
 * ahead gets its 24-hour reminder now, not also the 48-hour one. Aftercare follows the visit's end by a delay, when the
 * treatment has aftercare instructions.
 */
record ReminderSchedule(List<Duration> reminderOffsets, Duration aftercareDelay) {

    /** One message to schedule; {@code offset} is null for aftercare. */
    record Due(ScheduledMessage.Kind kind, Duration offset, Instant at) {
    }

    List<Due> plan(Instant now, Instant start, Instant end, boolean hasAftercare) {
        List<Due> due = new ArrayList<>();
        if (start.isAfter(now)) {
            Optional<Duration> latestPassed = Optional.empty();
            for (Duration offset : reminderOffsets) {
                Instant at = start.minus(offset);
                if (at.isAfter(now)) {
                    due.add(new Due(ScheduledMessage.Kind.REMINDER, offset, at));
                } else if (latestPassed.map(seen -> offset.compareTo(seen) < 0).orElse(true)) {
                    latestPassed = Optional.of(offset);
                }
            }
            latestPassed.ifPresent(offset -> due.add(new Due(ScheduledMessage.Kind.REMINDER, offset, now)));
        }
        if (hasAftercare) {
            Instant at = end.plus(aftercareDelay);
            due.add(new Due(ScheduledMessage.Kind.AFTERCARE, null, at.isAfter(now) ? at : now));
        }
        due.sort(Comparator.comparing(Due::at));
        return due;
    }
}
