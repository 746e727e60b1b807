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

    @Test
    void aProcessListedTwiceIsCountedOnce() {
        long self = ProcessHandle.current().pid();

        List<PlatformMemory.Resident> each = PlatformMemory.perProcess(List.of(self, self, Long.MAX_VALUE));

        assertThat(each).singleElement().satisfies(resident -> {
            assertThat(resident.pid()).isEqualTo(self);
            assertThat(resident.mib()).isPositive();
        });
    }

    @Test
    void eachProcessIsNamedByItsJarOrItsMainClass() {
        assertThat(PlatformMemory.nameOf(String.join("\0", "java", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                "/srv/alluris/booking-service/target/booking-service.jar"))).isEqualTo("booking-service");
        assertThat(PlatformMemory.nameOf(String.join("\0", "java", "-Xms64m", "-cp", "a/classes:a/lib/*",
                "kafka.Kafka", "data/kafka/server.properties"))).isEqualTo("Kafka");
        assertThat(PlatformMemory.nameOf(String.join("\0", "/usr/bin/java", "-classpath", "x.jar",
                "uk.alluris.local.LocalHelpers"))).isEqualTo("LocalHelpers");
        assertThat(PlatformMemory.nameOf("/usr/sbin/nginx")).isEqualTo("nginx");
    }
}
