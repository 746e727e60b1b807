package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformMemoryUnitTest {

    @Test
    void theResidentSetIsReadFromTheVmRssLineOfAProcessStatus() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t  300000 kB\nVmRSS:\t  262144 kB\nRssAnon:\t 200000 kB\n";

        assertThat(PlatformMemory.residentKiB(status)).isEqualTo(262144);
    }

    @Test
    void thisJvmsOwnResidentMemoryIsCountedAndAProcessThatIsGoneIsNot() {
        long self = ProcessHandle.current().pid();

        double alone = PlatformMemory.residentMiB(List.of(self));

        assertThat(alone).isPositive();
        assertThat(PlatformMemory.residentMiB(List.of(self, Long.MAX_VALUE))).isBetween(alone * 0.5, alone * 2);
        assertThat(PlatformMemory.residentMiB(List.of(Long.MAX_VALUE))).isNaN();
    }
}
