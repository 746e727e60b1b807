package uk.alluris.kit.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.PropertyResolver;

/**
 * The TLS/SASL settings every Kafka client of the platform takes: {@code alluris.kafka.security.*}, filled from
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, the truststore and
 * keystore variables (alluris-defaults.yml). Only settings that have a value are passed on: an empty truststore
 * location would make a TLS client look for a file called "" instead of using the JVM's trusted CAs.
 */
public final class KafkaSecurity {

    static final String PREFIX = "alluris.kafka.security.";

    /** Our setting (after the prefix) and the Kafka client property it becomes. */
    static final Map<String, String> CLIENT_PROPERTIES = Map.ofEntries(
            Map.entry("protocol", "security.protocol"),
            Map.entry("sasl-mechanism", "sasl.mechanism"),
            Map.entry("sasl-jaas-config", "sasl.jaas.config"),
            Map.entry("truststore-location", "ssl.truststore.location"),
            Map.entry("truststore-password", "ssl.truststore.password"),
            Map.entry("truststore-type", "ssl.truststore.type"),
            Map.entry("keystore-location", "ssl.keystore.location"),
            Map.entry("keystore-password", "ssl.keystore.password"),
            Map.entry("keystore-type", "ssl.keystore.type"),
            Map.entry("key-password", "ssl.key.password"));

    private KafkaSecurity() {
    }

    /** The Kafka client properties for the settings that have a value, e.g. {@code security.protocol=SASL_SSL}. */
    public static Map<String, String> clientProperties(PropertyResolver settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        CLIENT_PROPERTIES.forEach((setting, clientProperty) -> {
            String value = settings.getProperty(PREFIX + setting);
            if (value != null && !value.isBlank()) {
                properties.put(clientProperty, value.strip());
            }
        });
        return properties;
    }
}
