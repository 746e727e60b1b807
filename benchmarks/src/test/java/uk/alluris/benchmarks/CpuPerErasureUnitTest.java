package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuPerErasureUnitTest {

    @Test
    void eachPartsCostIsItsCpuOverTheBatchLessItsIdleRateTimesTheBatchsWallTimeDividedByTheErasures() {
        Map<String, Long> from = Map.of("kafka", 1_000L, "mongo", 5_000L, "stopped", 10L);
        Map<String, Long> to = Map.of("kafka", 3_000L, "mongo", 9_500L, "started-late", 99L);
        Map<String, Double> idle = Map.of("kafka", 40.0, "mongo", 10.0);

        Map<String, Double> cost = CpuPerErasure.perErasure(from, to, idle, 10_000_000_000L, 100);

        // kafka: (2000 - 40 ms/s × 10 s) / 100; mongo: (4500 - 100) / 100
        assertThat(cost).containsOnlyKeys("kafka", "mongo", CpuPerErasure.TOTAL);
        assertThat(cost.get("kafka")).isCloseTo(16.0, within(1e-9));
        assertThat(cost.get("mongo")).isCloseTo(44.0, within(1e-9));
        assertThat(cost.get(CpuPerErasure.TOTAL)).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void theIdleRateIsCpuMillisecondsPerSecondOfWallTime() {
        Map<String, Double> rate = CpuPerErasure.perSecond(Map.of("gateway", 100L), Map.of("gateway", 360L, "web", 5L),
                2_000_000_000L);

        assertThat(rate).containsOnlyKeys("gateway");
        assertThat(rate.get("gateway")).isCloseTo(130.0, within(1e-9));
    }
}
