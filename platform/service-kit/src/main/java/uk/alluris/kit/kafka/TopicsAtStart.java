package uk.alluris.kit.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import uk.alluris.events.Topics;

/**
 * Provisions the topics once every bean exists and before any binding or scheduled job starts. A broker that cannot
 * be reached is logged, not fatal: the service starts as it did before (health DOWN) and the binder retries.
 */
class TopicsAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicsAtStart.class);

    /** The part of a binding that names a dead-letter topic. */
    record Binding(String destination, String group) {
    }

    private final TopicProvisioning provisioning;
    private final TopicSettings settings;
    private final KafkaClients clients;
    private final Environment environment;

    TopicsAtStart(TopicSettings settings, KafkaClients clients, Environment environment) {
        this.provisioning = new TopicProvisioning(settings);
        this.settings = settings;
        this.clients = clients;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (settings.mode() == TopicSettings.Mode.OFF) {
            return;
        }
        try (Admin admin = Admin.create(clients.config(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "topic-provisioning",
                // the client refuses an api timeout shorter than its request timeout (30 s by default)
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000)))) {
            provisioning.provision(admin, topics(environment));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception unreachable) {
            log.warn("could not provision the Kafka topics ({}): {}", settings.mode(), unreachable.toString());
        }
    }

    /** The platform's topics and the dead-letter topic of each consumer group this service binds. */
    static Set<String> topics(Environment environment) {
        Set<String> topics = new TreeSet<>(Topics.all());
        Binder.get(environment).bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, Binding.class))
                .orElse(Map.of()).values().stream()
                .filter(binding -> binding.destination() != null && binding.group() != null)
                .forEach(binding -> List.of(binding.destination().split(",")).forEach(destination ->
                        topics.add(Topics.deadLetterTopic(destination.strip(), binding.group()))));
        return topics;
    }
}
