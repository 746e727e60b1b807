package uk.alluris.rights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.alluris.testsupport.ArchitectureRules;

/**
 * The rights service keeps the platform's boundaries: its features (request, fanout, bundle, optout, contact,
 * deadline, …) never import each other round a loop, controllers touch only their own feature's repositories, and
 * nothing reaches into a privacy package (one test per rule, each naming it); and only the bundle feature touches
 * bundle code.
 */
class RightsBoundariesUnitTest {

    private static final String BASE = "uk.alluris.rights";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ArchitectureRules.productionClasses(BASE);
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.rules(BASE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void theRightsServiceKeepsEveryPlatformBoundary(ArchRule rule) {
        rule.check(production);
    }

    /**
     * A request, its receipts and its opt-outs never reach bundle code: the bundle plugs into the request's published
     * {@code Exports} seam and hears of completions ({@code RequestCompleted}), so an erasure's receipt cannot pass
     * through it.
     */
    @Test
    void nothingButTheBundleFeatureReachesBundleCode() {
        noClasses().that().resideInAPackage(BASE + "..").and().resideOutsideOfPackage(BASE + ".bundle..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".bundle..")
                .check(production);
    }
}
