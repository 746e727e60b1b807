package uk.alluris.kit.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics a service uses exist as configured before its bindings start, so production brokers can
 * run with {@code auto.create.topics.enable=false} and the binder with {@code autoCreateTopics} off: the platform's
 * topics ({@code uk.alluris.events.Topics}) and the dead-letter topic of each of this service's consumer groups.
 * A topic with fewer partitions or replicas than configured is reported, never changed: repartitioning moves keys
 * between partitions and so breaks per-person ordering, which is an operator's decision.
 */
public class TopicProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);
    private static final long TIMEOUT_SECONDS = 15;

    /** What provisioning found: made now, already there as configured, and what differs or is missing. */
    public record Outcome(Set<String> created, Set<String> present, List<String> problems) {
    }

    private final TopicSettings settings;

    public TopicProvisioning(TopicSettings settings) {
        this.settings = settings;
    }

    public Outcome provision(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        Set<String> wanted = new TreeSet<>(topics);
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(existing);
        Set<String> present = new TreeSet<>(wanted);
        present.retainAll(existing);
        List<String> problems = new ArrayList<>(check(admin, present));
        Set<String> created = new TreeSet<>();
        if (settings.mode() == TopicSettings.Mode.CREATE) {
            created.addAll(create(admin, missing, present));
        } else {
            missing.forEach(topic -> problems.add(topic + " does not exist"));
        }
        problems.forEach(problem -> log.warn("Kafka topic {}", problem));
        if (!created.isEmpty()) {
            log.info("created Kafka topics {} ({} partitions, replication factor {})", created, settings.partitions(),
                    settings.replicationFactor() < 0 ? "of the broker" : settings.replicationFactor());
        }
        return new Outcome(created, present, problems);
    }

    private Set<String> create(Admin admin, Set<String> missing, Set<String> present) throws InterruptedException,
            ExecutionException, java.util.concurrent.TimeoutException {
        List<NewTopic> topics = missing.stream().map(name -> new NewTopic(name, Optional.of(settings.partitions()),
                settings.replicationFactor() < 0 ? Optional.empty() : Optional.of(settings.replicationFactor()))
                .configs(settings.configs())).toList();
        Set<String> created = new TreeSet<>();
        for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> result
                : admin.createTopics(topics).values().entrySet()) {
            try {
                result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                present.add(result.getKey()); // another replica made it first
            }
        }
        return created;
    }

    private List<String> check(Admin admin, Set<String> present) throws InterruptedException, ExecutionException,
            java.util.concurrent.TimeoutException {
        List<String> problems = new ArrayList<>();
        if (present.isEmpty()) {
            return problems;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (TopicDescription description : descriptions.values()) {
            int partitions = description.partitions().size();
            int replicas = description.partitions().get(0).replicas().size();
            if (partitions < settings.partitions()) {
                problems.add(description.name() + " has " + partitions + " partitions, fewer than the configured "
                        + settings.partitions() + " (alluris.kafka.topics.partitions)");
            }
            if (settings.replicationFactor() > 0 && replicas < settings.replicationFactor()) {
                problems.add(description.name() + " has " + replicas + " replicas, fewer than the configured "
                        + settings.replicationFactor() + " (alluris.kafka.topics.replication-factor)");
            }
        }
        return problems;
    }
}
