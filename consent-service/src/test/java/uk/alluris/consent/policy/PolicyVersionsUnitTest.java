package uk.alluris.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyVersionsUnitTest {

    private final PolicyVersion first = version("2026-01", "2026-01-20");
    private final PolicyVersion second = version("2027-01", "2027-01-01");

    @Test
    void theVersionInForceIsTheOneThatTookEffectLastOnOrBeforeTheDay() {
        List<PolicyVersion> versions = List.of(second, first);
        assertThat(PolicyVersions.inForceOn(versions, LocalDate.parse("2026-12-31"))).containsSame(first);
        assertThat(PolicyVersions.inForceOn(versions, LocalDate.parse("2027-01-01"))).containsSame(second);
        assertThat(PolicyVersions.inForceOn(versions, LocalDate.parse("2030-06-01"))).containsSame(second);
    }

    @Test
    void beforeTheFirstVersionTookEffectNoneIsInForce() {
        assertThat(PolicyVersions.inForceOn(List.of(first), LocalDate.parse("2026-01-19"))).isEmpty();
        assertThat(PolicyVersions.inForceOn(List.of(), LocalDate.parse("2026-06-01"))).isEmpty();
    }

    @Test
    void publishingAVersionAnnouncesItInTheSameDocument() {
        assertThat(second.outbox()).hasSize(1);
    }

    private static PolicyVersion version(String name, String effective) {
        return PolicyVersion.published(name, "text", "summary", LocalDate.parse(effective), true, "officer",
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
