package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesUnitTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        LongStream.rangeClosed(1, 100).forEach(ms -> latencies.add(ms * 1000));

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }

    @Test
    void optionsOverrideTheDefaults() {
        Settings settings = Settings.parse(new String[] { "--people", "200", "--concurrency", "8", "--label", "quick" });

        assertThat(settings.people()).isEqualTo(200);
        assertThat(settings.concurrency()).isEqualTo(8);
        assertThat(settings.label()).isEqualTo("quick");
        assertThat(settings.floorRoundTrips()).isEqualTo(Settings.defaults().floorRoundTrips());
    }
}
