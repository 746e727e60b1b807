package uk.alluris.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaPackage;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the features of one service publish for its privacy package ({@link ArchitectureRules#privacyComposesOnlyWhatFeaturesPublish}):
 * the names of their public {@code *Privacy} classes, the types nested in them, and every service type in the
 * signatures of those classes' public methods (with their type arguments: {@code List<Subject>} publishes
 * {@code Subject}).
 */
final class PublishedTypes {

    private static final Map<JavaPackage, Set<String>> CACHE = new ConcurrentHashMap<>();

    private PublishedTypes() {
    }

    /** The published type names of the service whose base package holds {@code member}. */
    static Set<String> of(String basePackage, JavaClass member) {
        JavaPackage base = member.getPackage();
        while (!base.getName().equals(basePackage)) {
            base = base.getParent().orElseThrow(() -> new IllegalArgumentException(
                    member.getName() + " is not inside " + basePackage));
        }
        return CACHE.computeIfAbsent(base, service -> collect(basePackage, service));
    }

    private static Set<String> collect(String basePackage, JavaPackage service) {
        Set<String> published = new TreeSet<>();
        String privacy = basePackage + ".privacy";
        for (JavaClass type : service.getClassesInPackageTree()) {
            if (type.getPackageName().equals(privacy) || type.getPackageName().startsWith(privacy + ".")
                    || !isPrivacyAnswer(outermost(type))) {
                continue;
            }
            published.add(type.getName());
            if (type.equals(outermost(type))) {
                for (JavaMethod method : type.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
                        Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream())
                                .flatMap(signature -> signature.getAllInvolvedRawTypes().stream())
                                .forEach(raw -> published.add(raw.getBaseComponentType().getName()));
                    }
                }
            }
        }
        return published;
    }

    private static boolean isPrivacyAnswer(JavaClass type) {
        return type.getSimpleName().endsWith("Privacy") && type.getModifiers().contains(JavaModifier.PUBLIC);
    }

    private static JavaClass outermost(JavaClass type) {
        return type.getEnclosingClass().map(PublishedTypes::outermost).orElse(type);
    }
}
