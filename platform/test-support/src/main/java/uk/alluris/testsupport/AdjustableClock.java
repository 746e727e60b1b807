package uk.alluris.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test can move, to see what happens when a retention date passes: forward by a duration, or to noon
 * (clinic time) of a given day, so a test can ask "the day before" and "on the day" without waiting.
 */
public class AdjustableClock extends Clock {

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private volatile Instant now;

    public AdjustableClock() {
        this(Instant.now());
    }

    private AdjustableClock(Instant now) {
        this.now = now;
    }

    /** A clock standing at noon, clinic time, of {@code day}. */
    public static AdjustableClock on(LocalDate day) {
        return new AdjustableClock(day.atTime(LocalTime.NOON).atZone(CLINIC).toInstant());
    }

    public AdjustableClock advance(Duration by) {
        now = now.plus(by);
        return this;
    }

    /** Moves to noon, clinic time, of {@code day}. */
    public AdjustableClock setTo(LocalDate day) {
        now = day.atTime(LocalTime.NOON).atZone(CLINIC).toInstant();
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        AdjustableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
