package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * The same service jar against real MongoDB (a replica set) and real Apache Kafka images. Subclasses carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so this is skipped where there is no Docker engine and runs
 * wherever there is one. The local profile gives it the service's committed local secrets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class RealInfrastructureChecks {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @LocalServerPort
    protected int port;
    /** The actuator's own port where it has one (the gateway's), else 0: the actuator is on the service's port. */
    @Value("${local.management.port:0}")
    protected int managementPort;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("alluris.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
    }

    @Test
    void healthIsUpAgainstRealMongoDbAndKafka() {
        JsonNode health = ServiceEndpoints.json(ServiceEndpoints.get(
                "http://127.0.0.1:" + (managementPort > 0 ? managementPort : port) + "/actuator/health"));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }
}
