package uk.alluris.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentifierClaimsUnitTest {

    private final Map<String, List<String>> emailHolders = Map.of("mine", List.of("a"), "shared", List.of("a", "b"),
            "theirs", List.of("b"));
    private final Map<String, List<String>> phoneHolders = Map.of("my-phone", List.of("a"), "their-phone", List.of("c"));

    @Test
    void anIdentifierHeldByNobodyOrOnlyByThePersonIsApplied() {
        IdentifierClaims.Applicable applicable = claims("fresh", "my-phone", Set.of("a"));

        assertThat(applicable.emailIndex()).isEqualTo("fresh");
        assertThat(applicable.phoneIndex()).isEqualTo("my-phone");
        assertThat(applicable.refused()).isEmpty();
    }

    @Test
    void anIdentifierHeldBySomeoneElsesRecordIsNotAppliedAndSaysWhich() {
        assertThat(claims("theirs", "their-phone", Set.of("a")))
                .isEqualTo(new IdentifierClaims.Applicable(null, null, List.of("email", "phone")));
        assertThat(claims("shared", null, Set.of("a")))
                .isEqualTo(new IdentifierClaims.Applicable(null, null, List.of("email")));
        assertThat(claims("shared", "their-phone", Set.of("a", "b", "c")))
                .isEqualTo(new IdentifierClaims.Applicable("shared", "their-phone", List.of()));
    }

    private IdentifierClaims.Applicable claims(String email, String phone, Set<String> theirs) {
        return IdentifierClaims.unclaimed(email, phone, theirs, i -> emailHolders.getOrDefault(i, List.of()),
                i -> phoneHolders.getOrDefault(i, List.of()));
    }
}
