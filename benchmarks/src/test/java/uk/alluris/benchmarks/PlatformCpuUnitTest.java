package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCpuUnitTest {

    @Test
    void userAndSystemTimeAreReadFromFieldsFourteenAndFifteenEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (C2) x) S 1 4242 4242 0 -1 4194560 9000 0 3 0 1234 56 0 0 20 0 40 0 100 0 0\n";

        assertThat(PlatformCpu.cpuMillis(stat)).isEqualTo((1234 + 56) * 10);
    }

    @Test
    void theRunsPartsAreNamedByTheirPidFilesAndThisJvmsOwnCpuTimeGrows(@TempDir Path pids) throws IOException {
        Files.writeString(pids.resolve("booking-service.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(pids.resolve("gone.pid"), Long.MAX_VALUE + "\n");
        Files.writeString(pids.resolve("notes.txt"), "not a part");
        PlatformCpu cpu = PlatformCpu.ofRun(pids);

        Map<String, Long> before = cpu.sample();
        long spin = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        Map<String, Long> after = cpu.sample();

        assertThat(sink).isPositive();
        assertThat(before).containsOnlyKeys("booking-service");
        assertThat(after.get("booking-service")).isGreaterThan(before.get("booking-service"));
        assertThat(PlatformCpu.ofRun(pids.resolve("absent")).isEmpty()).isTrue();
    }
}
