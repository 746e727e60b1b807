package uk.alluris.kit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.alluris.kit.register.ProcessingRegister;

/**
 * docs/retention.md shows the schedule exactly as the register says it: the table between its markers is this
 * rendering of {@code alluris-register.yml}, so a changed period fails here until the doc says it too.
 */
class RetentionScheduleDocUnitTest {

    static final Path DOC = Path.of("../../docs/retention.md");
    static final String START = "<!-- schedule: generated from alluris-register.yml, checked by RetentionScheduleDocUnitTest -->";
    static final String END = "<!-- end of schedule -->";

    static String table(ProcessingRegister register) {
        return "| category | held by | kept for | from | legal basis | ground |\n|---|---|---|---|---|---|\n"
                + register.categories().stream().map(category -> "| `%s` | %s | %s | %s | %s | %s |".formatted(
                        category.key(), category.heldBy(), category.retention().period(),
                        category.retention().startsAt(), category.legalBasis(),
                        category.retention().ground() + (category.retention().rule() == null ? ""
                                : " " + category.retention().rule())))
                        .collect(Collectors.joining("\n"));
    }

    @Test
    void theScheduleInTheDocsIsTheRegistersOwn() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("register", new ClassPathResource("alluris-register.yml"))
                .forEach(environment.getPropertySources()::addLast);
        ProcessingRegister register = new Binder(ConfigurationPropertySources.get(environment))
                .bind("alluris.register", ProcessingRegister.class).get();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(doc).contains(START, END);
        String shown = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END)).strip();
        assertThat(shown).as("docs/retention.md's schedule; the register renders it as").isEqualTo(table(register));
    }
}
