package uk.alluris.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The boundaries every service and the kit keep, as ArchUnit rules over the production classes of one base package
 * (e.g. {@code uk.alluris.booking}). A feature is the first package below the base ({@code clients},
 * {@code appointments}, {@code privacy}, …). A service's boundary test is one line:
 * {@code ArchitectureRules.check("uk.alluris.booking")}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks every rule; the failure lists each offending dependency. */
    public static void check(String basePackage) {
        JavaClasses production = productionClasses(basePackage);
        rules(basePackage).forEach(rule -> rule.check(production));
    }

    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(basePackage);
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(featuresAreFreeOfCycles(basePackage), controllersReachOnlyTheirOwnFeaturesRepositories(basePackage),
                featuresNeverReachIntoThePrivacyPackage(basePackage), privacyComposesOnlyWhatFeaturesPublish(basePackage));
    }

    /** No two features import each other, directly or round a longer loop. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    /** A controller reads and writes through its own feature; another feature's data is reached through its types. */
    public static ArchRule controllersReachOnlyTheirOwnFeaturesRepositories(String basePackage) {
        return classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should(new ArchCondition<JavaClass>("use only the repositories of their own feature") {
                    @Override
                    public void check(JavaClass controller, ConditionEvents events) {
                        String feature = featureOf(basePackage, controller);
                        for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (target.isAssignableTo("org.springframework.data.repository.Repository")
                                    && target.getPackageName().startsWith(basePackage)
                                    && !featureOf(basePackage, target).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    /**
     * The privacy package composes what each feature answers for its own aggregate into the receipt; no feature
     * depends on it, so a feature's privacy answer lives beside its aggregate.
     */
    public static ArchRule featuresNeverReachIntoThePrivacyPackage(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and()
                .resideOutsideOfPackage(basePackage + ".privacy..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".privacy..")
                .allowEmptyShould(true);
    }

    /**
     * The privacy package only composes: its classes depend, inside the service, on nothing but the privacy package
     * itself and what the features <em>publish</em> for it. A feature publishes
     * <ul>
     * <li>its {@code *Privacy} classes (public classes whose name ends in {@code Privacy}, and the types nested in
     * them), and</li>
     * <li>every service type named in the signature of a public method of those classes (return and parameter types,
     * with their type arguments): the vocabulary a feature's privacy answer speaks.</li>
     * </ul>
     * Anything else — an aggregate, a repository, a service a feature keeps for itself — is an internal the privacy
     * package must not reach past the feature's {@code *Privacy} class. Types outside the service (the kit, the event
     * catalogue, the JDK, Spring) are not the rule's business.
     */
    public static ArchRule privacyComposesOnlyWhatFeaturesPublish(String basePackage) {
        String privacy = basePackage + ".privacy";
        return classes().that().resideInAPackage(privacy + "..")
                .should(new ArchCondition<JavaClass>("depend inside " + basePackage + " only on the privacy package and "
                        + "what features publish (their *Privacy classes and the types of those classes' public methods)") {
                    @Override
                    public void check(JavaClass composer, ConditionEvents events) {
                        Set<String> published = PublishedTypes.of(basePackage, composer);
                        for (Dependency dependency : composer.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            String name = target.getName();
                            boolean inService = target.getPackageName().equals(basePackage)
                                    || target.getPackageName().startsWith(basePackage + ".");
                            boolean inPrivacy = target.getPackageName().equals(privacy)
                                    || target.getPackageName().startsWith(privacy + ".");
                            if (inService && !inPrivacy && !published.contains(name)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                                        + " — not published by feature " + featureOf(basePackage, target)));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    static String featureOf(String basePackage, JavaClass type) {
        String rest = type.getPackageName().length() > basePackage.length()
                ? type.getPackageName().substring(basePackage.length() + 1) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
