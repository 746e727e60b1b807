package uk.alluris.booking.appointments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's booking rules.
 *
 * @param cancellationWindow cancelling later than this before the start is late and keeps the deposit (48 hours)
 * @param coolingOff the least time between a prescriber's consultation and the first prescription-only treatment
 * @param maxAvailabilityRange the longest range one availability question may cover (31 days)
 * @param claimGrace how long a slot claim whose appointment was never saved (a crash between the two) holds the slot
 *        before another booking may take it over
 */
@ConfigurationProperties("alluris.booking.rules")
record BookingRules(Duration cancellationWindow, Duration coolingOff, Duration maxAvailabilityRange,
        Duration claimGrace) {

    BookingRules {
        cancellationWindow = cancellationWindow == null ? Duration.ofHours(48) : cancellationWindow;
        coolingOff = coolingOff == null ? Duration.ofHours(24) : coolingOff;
        maxAvailabilityRange = maxAvailabilityRange == null ? Duration.ofDays(31) : maxAvailabilityRange;
        claimGrace = claimGrace == null ? Duration.ofMinutes(2) : claimGrace;
    }
}
