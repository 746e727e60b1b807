package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.deploy.Yamls.at;
import static uk.alluris.deploy.Yamls.listAt;
import static uk.alluris.deploy.Yamls.map;
import static uk.alluris.deploy.Yamls.mapAt;
import static uk.alluris.deploy.Yamls.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.alluris.events.Topics;

/** deploy/k8s: Kafka through Strimzi and MongoDB through its community operator, as the operators' resources say. */
class OperatorResourcesUnitTest {

    private final KubernetesResources base = KubernetesResources.under("deploy/k8s/base");

    @Test
    void kafkaRunsThroughStrimziOnThreeNodesWithEveryTopicAndDeadLetterTopicReplicatedThreeTimesAndTwoInSync() {
        Map<String, Object> kafka = single("Kafka");
        String cluster = text(kafka, "metadata.name");
        Map<String, Object> config = mapAt(kafka, "spec.kafka.config");
        assertThat(config.get("min.insync.replicas")).isEqualTo(2);
        assertThat(config.get("default.replication.factor")).isEqualTo(3);
        assertThat(config.get("offsets.topic.replication.factor")).isEqualTo(3);
        assertThat(config.get("auto.create.topics.enable")).isEqualTo(false);
        int brokers = base.bodiesOfKind("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(mapAt(pool, "metadata.labels").get("strimzi.io/cluster")))
                .filter(pool -> listAt(pool, "spec.roles").contains("broker"))
                .mapToInt(pool -> (Integer) at(pool, "spec.replicas")).sum();
        assertThat(brokers).isEqualTo(3);

        Set<String> provisioned = new HashSet<>();
        for (Map<String, Object> topic : base.bodiesOfKind("KafkaTopic")) {
            provisioned.add(text(topic, "spec.topicName"));
            assertThat(mapAt(topic, "metadata.labels").get("strimzi.io/cluster")).isEqualTo(cluster);
            assertThat(at(topic, "spec.replicas")).isEqualTo(3);
            assertThat(mapAt(topic, "spec.config").get("min.insync.replicas")).isEqualTo(2);
        }
        assertThat(provisioned).containsExactlyInAnyOrderElementsOf(TopicNames.provisioned());
        assertThat(provisioned).containsAll(Topics.deadLetterTopics()).hasSizeGreaterThan(TopicNames.events().size());
    }

    @Test
    void theCatalogueOfDeadLetterTopicsIsExactlyWhatTheDeployablesConsumerBindingsMakeTheBinderUse() {
        assertThat(TopicNames.boundDeadLetterTopics()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(Topics.deadLetterTopics());
    }

    @Test
    void mongoDbRunsThroughItsCommunityOperatorAsAThreeMemberReplicaSetWithAUserPerServiceAndOneForBackups() {
        Map<String, Object> mongo = single("MongoDBCommunity");
        assertThat(at(mongo, "spec.members")).isEqualTo(3);
        assertThat(text(mongo, "spec.type")).isEqualTo("ReplicaSet");
        Map<String, String> connectionSecrets = new HashMap<>();
        for (Object each : listAt(mongo, "spec.users")) {
            Map<String, Object> user = map(each);
            if (text(user, "name").equals("backup")) {
                assertThat(listAt(user, "roles")).containsExactlyInAnyOrder(
                        Map.of("name", "backup", "db", "admin"), Map.of("name", "restore", "db", "admin"));
                continue;
            }
            assertThat(listAt(user, "roles")).as(text(user, "name")).containsExactly(
                    Map.of("name", "readWrite", "db", text(user, "db")));
            connectionSecrets.put(text(mongo, "metadata.name") + "-" + text(user, "db") + "-" + text(user, "name"),
                    text(user, "db"));
        }
        int storing = 0;
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            for (Object each : listAt(map(listAt(deployment, "spec.template.spec.containers").get(0)), "env")) {
                if (text(map(each), "name").equals("MONGODB_URI")) {
                    storing++;
                    assertThat(connectionSecrets).as(text(deployment, "metadata.name"))
                            .containsKey(text(map(each), "valueFrom.secretKeyRef.name"));
                }
            }
        }
        assertThat(storing).isEqualTo(6);
    }

    private Map<String, Object> single(String kind) {
        assertThat(base.ofKind(kind)).as(kind).hasSize(1);
        return base.bodiesOfKind(kind).get(0);
    }
}
