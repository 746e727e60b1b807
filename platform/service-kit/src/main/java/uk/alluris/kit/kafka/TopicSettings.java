package uk.alluris.kit.kafka;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's topics are provisioned ({@code alluris.kafka.topics.*}, alluris-defaults.yml): {@code mode}
 * CREATE makes missing topics and checks existing ones, VALIDATE only checks (topics made by the operator, e.g.
 * Strimzi's KafkaTopic), OFF does nothing (the local profile, whose broker creates topics on first use).
 * {@code replicationFactor} -1 takes the broker's default; {@code configs} are topic configs for new topics
 * ({@code min.insync.replicas}, {@code retention.ms}, ...).
 */
@ConfigurationProperties("alluris.kafka.topics")
public record TopicSettings(@DefaultValue("CREATE") Mode mode, @DefaultValue("3") int partitions,
        @DefaultValue("-1") short replicationFactor, Map<String, String> configs) {

    public enum Mode {
        CREATE, VALIDATE, OFF
    }

    public TopicSettings {
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }
}
