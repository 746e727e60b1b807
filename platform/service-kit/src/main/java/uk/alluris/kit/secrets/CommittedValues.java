package uk.alluris.kit.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * The values committed to the repository for the local profile, read from the very files that hold them (the
 * service's application-local.yml and the kit's alluris-defaults-local.yml), so the list cannot drift from them.
 * A {@code ${VARIABLE:default}} there gives that variable's committed value; a literal is a committed value too.
 */
public record CommittedValues(Map<String, String> byVariable, Set<String> values) {

    /** The files that hold local defaults: the service's own, then the kit's. */
    public static final List<String> LOCAL_FILES = List.of("application-local.yml", "alluris-defaults-local.yml");

    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+):(.*)}");

    public CommittedValues {
        byVariable = Map.copyOf(byVariable);
        values = Set.copyOf(values);
    }

    public static CommittedValues fromClasspath(ClassLoader classLoader) {
        Map<String, String> byVariable = new HashMap<>();
        Set<String> values = new HashSet<>();
        for (String file : LOCAL_FILES) {
            Resource resource = new ClassPathResource(file, classLoader);
            if (resource.exists()) {
                read(resource, file).forEach(source -> collect(source, byVariable, values));
            }
        }
        return new CommittedValues(byVariable, values);
    }

    public Optional<String> of(String variable) {
        return Optional.ofNullable(byVariable.get(variable));
    }

    public boolean contains(String value) {
        return value != null && values.contains(value.strip());
    }

    private static List<PropertySource<?>> read(Resource resource, String name) {
        try {
            return new YamlPropertySourceLoader().load(name, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static void collect(PropertySource<?> source, Map<String, String> byVariable, Set<String> values) {
        if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
            return;
        }
        for (String name : enumerable.getPropertyNames()) {
            Object raw = enumerable.getProperty(name);
            String value = raw == null ? "" : raw.toString().strip();
            Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(value);
            String committed = placeholder.matches() ? placeholder.group(2).strip() : value;
            if (committed.isEmpty()) {
                continue;
            }
            if (placeholder.matches()) {
                byVariable.put(placeholder.group(1), committed);
            }
            values.add(committed);
        }
    }
}
