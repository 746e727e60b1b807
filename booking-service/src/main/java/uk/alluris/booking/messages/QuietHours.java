package uk.alluris.booking.messages;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in which no text message is sent (21:00 to 08:00 clinic time by default): one due inside them waits until
 * they end. Mail is not held back — it waits in the inbox. The window may span midnight.
 */
record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("UTC"));

    /** {@code at} itself when it is outside the quiet hours, else the moment they end. */
    Instant nextAllowed(Instant at) {
        if (from.equals(until)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean spansMidnight = from.isAfter(until);
        boolean quiet = spansMidnight ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return at;
        }
        ZonedDateTime end = local.with(until);
        if (spansMidnight && !time.isBefore(from)) {
            end = local.plusDays(1).with(until);
        }
        return end.toInstant();
    }
}
