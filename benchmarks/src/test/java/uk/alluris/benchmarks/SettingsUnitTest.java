package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsUnitTest {

    @Test
    void theFullRunErasesAThousandAndThenFiveThousandPeopleAndRunsAFixedClosedLoop() {
        Settings settings = Settings.parse(new String[0]);

        assertThat(settings.people()).isEqualTo(1000);
        assertThat(settings.largePeople()).isEqualTo(5000);
        assertThat(settings.closedLoopRequests()).isPositive();
        assertThat(settings.label()).isEqualTo("full");
    }

    @Test
    void aQuickRunSkipsTheSecondFanOutAndIsLabelledQuickUnlessNamedOtherwise() {
        assertThat(Settings.parse(new String[] { "--quick" })).satisfies(s -> {
            assertThat(s.largePeople()).isZero();
            assertThat(s.label()).isEqualTo("quick");
        });
        assertThat(Settings.parse(new String[] { "--label", "mine", "--quick" }).label()).isEqualTo("mine");
    }

    @Test
    void anUnknownOptionOrAValueThatIsNoNumberIsRefusedWithTheListOfOptions() {
        assertThatThrownBy(() -> Settings.parse(new String[] { "--peple", "5" }))
                .hasMessageContaining("--peple").hasMessageContaining("--large-people");
        assertThatThrownBy(() -> Settings.parse(new String[] { "--people", "many" }))
                .hasMessageContaining("--people takes a whole number");
        assertThatThrownBy(() -> Settings.parse(new String[] { "--people" })).hasMessageContaining("incomplete");
    }

    @Test
    void theCpuPerErasureModeTakesItsNumberOfErasuresAndIsLabelledCpuUnlessNamedOtherwise() {
        assertThat(Settings.parse(new String[] { "--cpu-per-erasure", "200" })).satisfies(s -> {
            assertThat(s.cpuErasures()).isEqualTo(200);
            assertThat(s.label()).isEqualTo("cpu");
        });
        assertThat(Settings.parse(new String[0]).cpuErasures()).isZero();
        assertThat(Settings.parse(new String[] { "--cpu-per-erasure", "50", "--label", "c2" }).label())
                .isEqualTo("c2");
    }
}
