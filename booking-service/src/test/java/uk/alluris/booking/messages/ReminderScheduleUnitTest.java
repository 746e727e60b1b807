package uk.alluris.booking.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReminderScheduleUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final ReminderSchedule schedule = new ReminderSchedule(List.of(Duration.ofHours(48), Duration.ofHours(24)),
            Duration.ofHours(2));

    @Test
    void aBookingDaysAheadGetsBothRemindersAtTheirOffsetsAndAftercareAfterTheVisit() {
        Instant start = NOW.plus(Duration.ofDays(5));

        assertThat(schedule.plan(NOW, start, start.plus(Duration.ofHours(1)), true))
                .extracting(ReminderSchedule.Due::kind, ReminderSchedule.Due::offset, ReminderSchedule.Due::at)
                .containsExactly(
                        tuple(ScheduledMessage.Kind.REMINDER, Duration.ofHours(48), start.minus(Duration.ofHours(48))),
                        tuple(ScheduledMessage.Kind.REMINDER, Duration.ofHours(24), start.minus(Duration.ofHours(24))),
                        tuple(ScheduledMessage.Kind.AFTERCARE, null, start.plus(Duration.ofHours(3))));
    }

    @Test
    void aBookingTwentyHoursAheadGetsOnlyItsTwentyFourHourReminderAndAtOnce() {
        Instant start = NOW.plus(Duration.ofHours(20));

        assertThat(schedule.plan(NOW, start, start.plus(Duration.ofHours(1)), false))
                .extracting(ReminderSchedule.Due::offset, ReminderSchedule.Due::at)
                .containsExactly(tuple(Duration.ofHours(24), NOW));
    }

    @Test
    void aBookingThirtyHoursAheadGetsTheMissedFortyEightHourReminderAtOnceAndTheTwentyFourHourOneOnTime() {
        Instant start = NOW.plus(Duration.ofHours(30));

        assertThat(schedule.plan(NOW, start, start, false)).extracting(ReminderSchedule.Due::offset,
                ReminderSchedule.Due::at).containsExactly(tuple(Duration.ofHours(48), NOW),
                        tuple(Duration.ofHours(24), NOW.plus(Duration.ofHours(6))));
    }

    @Test
    void thePassedOnesAreJudgedByTimeNotByTheOrderTheyAreConfiguredIn() {
        ReminderSchedule reversed = new ReminderSchedule(List.of(Duration.ofHours(24), Duration.ofHours(48)),
                Duration.ofHours(2));

        assertThat(reversed.plan(NOW, NOW.plus(Duration.ofHours(5)), NOW.plus(Duration.ofHours(6)), false))
                .extracting(ReminderSchedule.Due::offset).containsExactly(Duration.ofHours(24));
    }

    @Test
    void anAppointmentAlreadyStartedGetsNoReminderAndAVisitLongOverGetsItsAftercareAtOnce() {
        Instant start = NOW.minus(Duration.ofHours(5));

        assertThat(schedule.plan(NOW, start, start.plus(Duration.ofHours(1)), true))
                .extracting(ReminderSchedule.Due::kind, ReminderSchedule.Due::at)
                .containsExactly(tuple(ScheduledMessage.Kind.AFTERCARE, NOW));
        assertThat(schedule.plan(NOW, start, start, false)).isEmpty();
    }
}
