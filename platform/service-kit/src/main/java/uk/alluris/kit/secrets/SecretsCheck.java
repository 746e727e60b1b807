package uk.alluris.kit.secrets;

import java.util.List;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a service before it creates a single bean when, outside the {@code local} profile (which only ./run and the
 * tests turn on), a secret it needs is missing, blank or still a value committed to the repository. An initializer
 * rather than a bean, so it runs the same in the servlet services and the reactive gateway, and before anything could
 * serve a request with a published key.
 */
class SecretsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String LOCAL_PROFILE = "local";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.matchesProfiles(LOCAL_PROFILE)) {
            return;
        }
        String service = environment.getProperty("spring.application.name", "application");
        List<String> problems = new SecretsGuard(CommittedValues.fromClasspath(context.getClassLoader()))
                .problems(service, environment);
        if (!problems.isEmpty()) {
            throw new UnsafeSecrets(service, problems);
        }
    }
}
