package uk.alluris.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's context at the shared embedded broker and store, with a database of its own, and has it verify
 * {@link TestTokens}. A message that fails is still tried the kit's three times before its dead-letter topic, but
 * 50 ms apart instead of 1 s and 2 s: every dead-letter test waited those 3 s (production keeps the binder's back-off).
 * The scheduled retention job does not run: a test ends data by calling it with an {@link AdjustableClock}.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "test");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-infrastructure", Map.of(
                "alluris.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(),
                "spring.mongodb.database", EmbeddedInfrastructure.freshDatabaseName(application),
                "alluris.security.jwks-uri", TestTokens.get().jwksUri(),
                "spring.cloud.stream.default.consumer.back-off-initial-interval", "50",
                "spring.cloud.stream.default.consumer.back-off-max-interval", "50",
                // tests run the retention job themselves, with a clock of their own; the scheduled run never comes
                "alluris.retention.first-check-after", "P3650D")));
    }
}
