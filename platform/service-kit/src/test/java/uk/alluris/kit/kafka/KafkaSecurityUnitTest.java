package uk.alluris.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KafkaSecurityUnitTest {

    @Test
    void onlySettingsWithAValueBecomeClientProperties() {
        MockEnvironment settings = new MockEnvironment()
                .withProperty("alluris.kafka.security.protocol", "SASL_SSL")
                .withProperty("alluris.kafka.security.sasl-mechanism", "SCRAM-SHA-512")
                .withProperty("alluris.kafka.security.sasl-jaas-config", "ScramLoginModule required;")
                .withProperty("alluris.kafka.security.truststore-location", "")
                .withProperty("alluris.kafka.security.keystore-password", "  ");

        assertThat(KafkaSecurity.clientProperties(settings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "ScramLoginModule required;"));
    }

    @Test
    void aHandMadeClientGetsTheBrokersTheSecurityAndThenItsOwnProperties() {
        KafkaClients clients = new KafkaClients(new MockEnvironment()
                .withProperty("alluris.kafka.bootstrap-servers", "kafka-0:9093")
                .withProperty("alluris.kafka.security.protocol", "SSL")
                .withProperty("alluris.kafka.security.truststore-location", "/etc/kafka/ca.p12"));

        assertThat(clients.config(Map.of("client.id", "health-check"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka-0:9093",
                "security.protocol", "SSL",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "client.id", "health-check"));
    }

    @Test
    void theBinderGetsTheSameSettingsAndNoEmptyOnes() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required;")
                .withProperty("alluris.kafka.security.protocol", "${KAFKA_SECURITY_PROTOCOL:SASL_SSL}")
                .withProperty("alluris.kafka.security.sasl-jaas-config", "${KAFKA_SASL_JAAS_CONFIG:}")
                .withProperty("alluris.kafka.security.truststore-location", "");

        KafkaBinderSecurity.shareWithTheBinder(environment);

        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol"))
                .isEqualTo("SASL_SSL");
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config"))
                .isEqualTo("PlainLoginModule required;");
        assertThat(environment.containsProperty("spring.cloud.stream.kafka.binder.configuration.ssl.truststore.location"))
                .isFalse();
    }

    @Test
    void eachServiceProvisionsThePlatformTopicsAndTheDeadLetterTopicOfEachOfItsConsumerGroups() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.bindings.privacyRequests-in-0.destination", "privacy.requests")
                .withProperty("spring.cloud.stream.bindings.privacyRequests-in-0.group", "booking-service")
                .withProperty("spring.cloud.stream.bindings.outbox-out-0.destination", "booking.events");

        assertThat(TopicsAtStart.topics(environment)).containsAll(uk.alluris.events.Topics.all())
                .contains("error.privacy.requests.booking-service")
                .noneMatch(topic -> topic.startsWith("error.booking.events"));
    }
}
