package uk.alluris.rights;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.BoundaryChecks;

/**
 * The rights service keeps the platform's boundaries: its features (request, fanout, bundle, optout, contact,
 * deadline, …) never import each other round a loop, controllers touch only their own feature's repositories, and
 * nothing reaches into a privacy package (one test per rule, {@link BoundaryChecks}); and only the bundle feature
 * touches bundle code.
 */
class RightsBoundariesUnitTest extends BoundaryChecks {

    private static final String BASE = "uk.alluris.rights";

    RightsBoundariesUnitTest() {
        super(BASE);
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
                .check(production());
    }
}
