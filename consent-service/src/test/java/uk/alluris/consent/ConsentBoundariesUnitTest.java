package uk.alluris.consent;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.ArchitectureRules;

/** The boundaries consent-service keeps, one test per rule of the platform's {@link ArchitectureRules}. */
class ConsentBoundariesUnitTest {

    private static final String BASE = "uk.alluris.consent";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ArchitectureRules.productionClasses(BASE);
    }

    @Test
    void noTwoFeaturesImportEachOther() {
        ArchitectureRules.featuresAreFreeOfCycles(BASE).check(production);
    }

    @Test
    void controllersUseOnlyTheRepositoriesOfTheirOwnFeature() {
        ArchitectureRules.controllersReachOnlyTheirOwnFeaturesRepositories(BASE).check(production);
    }

    @Test
    void noFeatureReachesIntoThePrivacyPackage() {
        ArchitectureRules.featuresNeverReachIntoThePrivacyPackage(BASE).check(production);
    }

    @Test
    void everyRuleOfThePlatformHolds() {
        ArchitectureRules.check(BASE);
    }
}
