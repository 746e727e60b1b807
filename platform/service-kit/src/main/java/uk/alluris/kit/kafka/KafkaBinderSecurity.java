package uk.alluris.kit.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Hands the platform's Kafka security settings to the Spring Cloud Stream binder as
 * {@code spring.cloud.stream.kafka.binder.configuration.<kafka property>}, so the binder and the hand-made clients
 * ({@link KafkaClients}) can never disagree. Read once, when the kit's defaults are added (environment variables,
 * command-line and configuration files are all known by then); a setting without a value is not passed on. Lowest
 * precedence: a service's own binder configuration wins.
 */
public final class KafkaBinderSecurity {

    static final String NAME = "alluris-kafka-binder-security";
    static final String BINDER_CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";

    private KafkaBinderSecurity() {
    }

    /** Called by the kit's defaults once its property files are in place. */
    public static void shareWithTheBinder(ConfigurableEnvironment environment) {
        Map<String, Object> binder = new LinkedHashMap<>();
        KafkaSecurity.clientProperties(environment).forEach((key, value) -> binder.put(BINDER_CONFIGURATION + key, value));
        environment.getPropertySources().remove(NAME);
        environment.getPropertySources().addLast(new MapPropertySource(NAME, binder));
    }
}
