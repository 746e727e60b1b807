package uk.alluris.booking.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursUnitTest {

    private final QuietHours quiet = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/London"));

    @Test
    void aTextDueInTheDayGoesWhenDue() {
        Instant afternoon = Instant.parse("2026-12-01T15:30:00Z");

        assertThat(quiet.nextAllowed(afternoon)).isEqualTo(afternoon);
        assertThat(quiet.nextAllowed(Instant.parse("2026-12-01T08:00:00Z"))).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void aTextDueLateInTheEveningWaitsUntilEightTheNextMorning() {
        assertThat(quiet.nextAllowed(Instant.parse("2026-12-01T21:00:00Z"))).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(quiet.nextAllowed(Instant.parse("2026-12-01T23:59:00Z"))).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void aTextDueInTheSmallHoursWaitsUntilEightTheSameMorning() {
        assertThat(quiet.nextAllowed(Instant.parse("2026-12-02T03:10:00Z"))).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void quietHoursAreKeptInClinicTimeInSummerToo() {
        // 20:30 UTC in July is 21:30 in London: quiet until 08:00 London, which is 07:00 UTC
        assertThat(quiet.nextAllowed(Instant.parse("2026-07-01T20:30:00Z"))).isEqualTo(Instant.parse("2026-07-02T07:00:00Z"));
        assertThat(quiet.nextAllowed(Instant.parse("2026-07-01T19:30:00Z"))).isEqualTo(Instant.parse("2026-07-01T19:30:00Z"));
    }

    @Test
    void switchedOffNothingWaits() {
        Instant midnight = Instant.parse("2026-12-02T00:00:00Z");

        assertThat(QuietHours.NONE.nextAllowed(midnight)).isEqualTo(midnight);
    }
}
