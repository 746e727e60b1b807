package uk.alluris.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import uk.alluris.testsupport.SaslKafkaBroker;

/** On a broker that creates no topics (as production's), provisioning makes them, once, and reports what differs. */
class TopicProvisioningIntegrationTest {

    private final Admin admin = Admin.create(new KafkaClients(new MockEnvironment()
            .withProperty("alluris.kafka.bootstrap-servers", SaslKafkaBroker.bootstrapServers())
            .withProperty("alluris.kafka.security.protocol", "SASL_PLAINTEXT")
            .withProperty("alluris.kafka.security.sasl-mechanism", "PLAIN")
            .withProperty("alluris.kafka.security.sasl-jaas-config",
                    SaslKafkaBroker.jaasConfig(SaslKafkaBroker.USER, SaslKafkaBroker.PASSWORD))).config(Map.of()));
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheConfiguredPartitionsAndASecondReplicaFindsThemMade() throws Exception {
        List<String> topics = List.of("a." + run, "error.a." + run + ".some-group");
        TopicProvisioning provisioning = new TopicProvisioning(
                new TopicSettings(TopicSettings.Mode.CREATE, 2, (short) 1, Map.of("retention.ms", "604800000")));

        TopicProvisioning.Outcome first = provisioning.provision(admin, topics);
        TopicProvisioning.Outcome second = provisioning.provision(admin, topics);

        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(second.created()).isEmpty();
        assertThat(second.present()).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(second.problems()).isEmpty();
        assertThat(admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values())
                .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
    }

    @Test
    void aTopicWithFewerPartitionsIsReportedNotChangedAndValidationCreatesNothing() throws Exception {
        String small = "small." + run;
        admin.createTopics(List.of(new NewTopic(small, Optional.of(1), Optional.empty()))).all().get(10, TimeUnit.SECONDS);
        String absent = "absent." + run;

        TopicProvisioning.Outcome outcome = new TopicProvisioning(
                new TopicSettings(TopicSettings.Mode.VALIDATE, 3, (short) -1, Map.of())).provision(admin, List.of(small, absent));

        assertThat(outcome.created()).isEmpty();
        assertThat(outcome.problems()).containsExactlyInAnyOrder(
                small + " has 1 partitions, fewer than the configured 3 (alluris.kafka.topics.partitions)",
                absent + " does not exist");
        assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(small).doesNotContain(absent);
        assertThat(admin.describeTopics(List.of(small)).allTopicNames().get(10, TimeUnit.SECONDS).get(small).partitions())
                .hasSize(1);
    }
}
