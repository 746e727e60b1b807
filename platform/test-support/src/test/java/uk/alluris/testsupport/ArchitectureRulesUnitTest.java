package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The privacy-composition rule on two tiny services: one that keeps it, one that reaches into an aggregate. */
class ArchitectureRulesUnitTest {

    private static final String GOOD = "uk.alluris.testsupport.fixture.good";
    private static final String BAD = "uk.alluris.testsupport.fixture.bad";

    @Test
    void aPrivacyPackageUsingOnlyPrivacyClassesTheirNestedValuesAndTheirSignaturesTypesKeepsTheRule() {
        assertThatCode(() -> ArchitectureRules.privacyComposesOnlyWhatFeaturesPublish(GOOD)
                .check(new ClassFileImporter().importPackages(GOOD))).doesNotThrowAnyException();
    }

    @Test
    void aPrivacyPackageReachingIntoAFeaturesAggregateBreaksTheRuleAndTheFailureNamesTheDependency() {
        assertThatThrownBy(() -> ArchitectureRules.privacyComposesOnlyWhatFeaturesPublish(BAD)
                .check(new ClassFileImporter().importPackages(BAD))).isInstanceOf(AssertionError.class)
                .hasMessageContaining(BAD + ".privacy.ShopPrivacy")
                .hasMessageContaining(BAD + ".orders.Order.forget()")
                .hasMessageContaining("not published by feature orders");
    }
}
