package uk.alluris.booking.messages;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How booking writes to clients: reminder offsets before the start (48 and 24 hours), the delay after the visit's end
 * before aftercare, SMS quiet hours, how long a dispatcher's claim on a message lasts, the retry backoff and the
 * sender address.
 */
@ConfigurationProperties("alluris.booking.messages")
record MessageProperties(List<Duration> reminderOffsets, Duration aftercareDelay, boolean quietHoursEnabled,
        LocalTime quietFrom, LocalTime quietUntil, ZoneId zone, Duration lease, Duration retryBase, int maxAttempts,
        String mailFrom) {

    MessageProperties {
        reminderOffsets = reminderOffsets == null || reminderOffsets.isEmpty()
                ? List.of(Duration.ofHours(48), Duration.ofHours(24)) : List.copyOf(reminderOffsets);
        aftercareDelay = aftercareDelay == null ? Duration.ofHours(2) : aftercareDelay;
        quietFrom = quietFrom == null ? LocalTime.of(21, 0) : quietFrom;
        quietUntil = quietUntil == null ? LocalTime.of(8, 0) : quietUntil;
        zone = zone == null ? ZoneId.of("Europe/London") : zone;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        retryBase = retryBase == null ? Duration.ofMinutes(1) : retryBase;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "bookings@alluris.local" : mailFrom;
    }

    ReminderSchedule schedule() {
        return new ReminderSchedule(reminderOffsets, aftercareDelay);
    }

    QuietHours quietHours() {
        return quietHoursEnabled ? new QuietHours(quietFrom, quietUntil, zone) : QuietHours.NONE;
    }

    /** The wait before try {@code attempts + 1}: doubling from the base, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
