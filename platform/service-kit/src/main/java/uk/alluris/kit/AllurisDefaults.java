package uk.alluris.kit;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import uk.alluris.kit.kafka.KafkaBinderSecurity;

/**
 * Adds {@code alluris-defaults.yml} as the lowest-precedence property source, so every service shares one set of
 * defaults (Kafka, MongoDB, SMTP, health, problem details) and keeps its own application.yml to a few lines.
 * Anything here is overridden by the service's own configuration and by the environment. In the local profile,
 * {@code alluris-defaults-local.yml} (the kit's committed local secrets) comes just before it.
 */
class AllurisDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "alluris-defaults.yml";
    static final String LOCAL_RESOURCE = "alluris-defaults-local.yml";
    /** the register of processing (kit register.ProcessingRegister): configuration, overridable like the rest */
    static final String REGISTER_RESOURCE = "alluris-register.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // runs after Boot's config data, so the active profiles are known here
        if (environment.matchesProfiles("local")) {
            addLast(environment, LOCAL_RESOURCE);
        }
        addLast(environment, RESOURCE);
        addLast(environment, REGISTER_RESOURCE);
        // the binder's clients take the same TLS/SASL settings as the kit's own (alluris.kafka.security.*)
        KafkaBinderSecurity.shareWithTheBinder(environment);
    }

    private static void addLast(ConfigurableEnvironment environment, String resource) {
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(resource, new ClassPathResource(resource))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
