package uk.alluris.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's files as the tests read them: the checkout's root is two levels above this module. */
final class Repository {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /**
     * The deployables: the modules that run as a service of their own. Every one has an application.yml, which is also
     * what activates the root pom's images profile in a module, so this set is the set of images.
     */
    static final Set<String> DEPLOYABLES = Set.of("booking-service", "records-service", "consent-service",
            "marketing-service", "rights-request-service", "gateway", "web");

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of one file (a Kubernetes file may hold several), each as plain maps and lists. */
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                if (document != null) {
                    documents.add(Yamls.map(document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, Object> yaml(String relative) {
        List<Map<String, Object>> documents = yamlDocuments(path(relative));
        if (documents.size() != 1) {
            throw new IllegalStateException(relative + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    static List<Path> yamlFilesUnder(String relative) {
        try (Stream<Path> files = Files.walk(path(relative))) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The modules of the root pom whose folder has src/main/resources/application.yml. */
    static Set<String> modulesWithAnApplicationYaml() {
        try (Stream<Path> entries = Files.list(ROOT)) {
            Set<String> found = new TreeSet<>();
            entries.filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.yml")))
                    .forEach(dir -> found.add(dir.getFileName().toString()));
            Arrays.asList("platform", "deploy").forEach(parent -> {
                try (Stream<Path> nested = Files.list(ROOT.resolve(parent))) {
                    nested.filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.yml")))
                            .forEach(dir -> found.add(parent + "/" + dir.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
