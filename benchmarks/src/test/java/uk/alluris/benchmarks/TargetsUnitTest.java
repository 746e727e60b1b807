package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsUnitTest {

    @Test
    void eachHeadlineFigureIsJudgedAgainstItsTargetAndAMissingOneIsNotMeasured() {
        Map<String, Object> json = new HashMap<>();
        json.put("erasuresPerSecond", 120.0);
        json.put("erasuresPerSecondAt5000", null);
        json.put("closedLoopP50Ms", 151.0);
        json.put("gatewayVsNginx", Map.of("throughput", 0.8, "p99", 1.6));
        json.put("platformRssMiB", 2000.0);

        String table = Targets.table(json);

        assertThat(table).contains("| ≥ 100 erasures/s with 1,000 people | 120/s | yes |",
                "| ≥ 75 erasures/s with 5,000 people | not measured | — |",
                "| closed loop p50 ≤ 150 ms (worse of C=1 and C=8) | 151 ms | no |",
                "| gateway throughput ≥ 0.75 × nginx's | 0.80× | yes |",
                "| gateway p99 ≤ 1.5 × nginx's | 1.60× | no |",
                "| platform RSS ≤ 2 GiB after the benchmark | 2000 MiB | yes |");
    }
}
