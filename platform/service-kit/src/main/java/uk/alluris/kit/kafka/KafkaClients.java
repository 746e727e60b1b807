package uk.alluris.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.core.env.PropertyResolver;

/**
 * Configuration for a Kafka client made by hand (the health check, the token-revocation listener and producer, the
 * dead-letter viewer and redrive): the brokers and the platform's TLS/SASL settings, then the client's own
 * properties. The binder gets the same security settings through {@link KafkaBinderSecurity}.
 */
public class KafkaClients {

    private final PropertyResolver settings;

    public KafkaClients(PropertyResolver settings) {
        this.settings = settings;
    }

    public String bootstrapServers() {
        return settings.getRequiredProperty("alluris.kafka.bootstrap-servers");
    }

    /** Brokers and security first, so a client may still set something of its own on top. */
    public Map<String, Object> config(Map<String, ?> own) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.putAll(KafkaSecurity.clientProperties(settings));
        config.putAll(own);
        return config;
    }
}
