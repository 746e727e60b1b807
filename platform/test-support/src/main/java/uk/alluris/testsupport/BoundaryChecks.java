package uk.alluris.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform's boundary rules ({@link ArchitectureRules}) as tests, one per rule: a service's boundary test extends
 * this with its base package and adds only the rules of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BoundaryChecks {

    private final String basePackage;
    private JavaClasses production;

    protected BoundaryChecks(String basePackage) {
        this.basePackage = basePackage;
    }

    @BeforeAll
    void importProductionClasses() {
        production = ArchitectureRules.productionClasses(basePackage);
    }

    /** The service's own classes, for the rules a service adds. */
    protected JavaClasses production() {
        return production;
    }

    @Test
    void noTwoFeaturesImportEachOther() {
        ArchitectureRules.featuresAreFreeOfCycles(basePackage).check(production);
    }

    @Test
    void controllersUseOnlyTheRepositoriesOfTheirOwnFeature() {
        ArchitectureRules.controllersReachOnlyTheirOwnFeaturesRepositories(basePackage).check(production);
    }

    @Test
    void noFeatureReachesIntoThePrivacyPackage() {
        ArchitectureRules.featuresNeverReachIntoThePrivacyPackage(basePackage).check(production);
    }

    /**
     * Whether this code base's {@code privacy} package composes its features' privacy answers (every data-holding
     * service); the kit's {@code privacy} package is a capability of its own, not a composition.
     */
    protected boolean privacyPackageComposes() {
        return true;
    }

    @Test
    void thePrivacyPackageComposesOnlyWhatFeaturesPublish() {
        Assumptions.assumeTrue(privacyPackageComposes(), "this privacy package is a capability, not a composition");
        ArchitectureRules.privacyComposesOnlyWhatFeaturesPublish(basePackage).check(production);
    }
}
