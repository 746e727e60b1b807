package uk.alluris.deploy;

import static uk.alluris.deploy.Yamls.map;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import uk.alluris.events.Topics;

/**
 * Every topic production must provision, from platform/events' {@link Topics}: its topics and each consumer group's
 * dead-letter topic, so a new topic or a new subscription fails these tests until it is provisioned.
 */
final class TopicNames {

    private TopicNames() {
    }

    /** The platform's topics and every dead-letter topic. */
    static Set<String> provisioned() {
        Set<String> topics = new TreeSet<>(events());
        topics.addAll(Topics.deadLetterTopics());
        return topics;
    }

    /** The topics events are published to: each of {@link Topics}' constants. */
    static Set<String> events() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(TopicNames::value)
                .collect(Collectors.toSet());
    }

    /**
     * The dead-letter topics the deployables' consumer bindings make the binder use ({@code error.<topic>.<group>}
     * for each destination of each binding with a group), read from each one's application.yml.
     */
    static Set<String> boundDeadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> application = Repository.yaml(deployable + "/src/main/resources/application.yml");
            Object bindings = application;
            for (String key : new String[] {"spring", "cloud", "stream", "bindings"}) {
                bindings = bindings instanceof Map<?, ?> node ? node.get(key) : null;
            }
            if (bindings == null) {
                continue;
            }
            for (Object each : map(bindings).values()) {
                Map<String, Object> binding = map(each);
                if (binding.get("group") != null && binding.get("destination") != null) {
                    for (String destination : String.valueOf(binding.get("destination")).split(",")) {
                        topics.add(Topics.deadLetterTopic(destination.strip(), String.valueOf(binding.get("group"))));
                    }
                }
            }
        }
        return topics;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
