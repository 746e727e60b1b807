package uk.alluris.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;
import uk.alluris.kit.kafka.KafkaClients;
import uk.alluris.testsupport.SaslKafkaBroker;

/** The health check logs in as every other client does, and says plainly when Kafka refuses the login. */
class KafkaHealthIndicatorIntegrationTest {

    @Test
    void withTheRightLoginTheSecuredBrokerIsUp() {
        try (Admin admin = admin(SaslKafkaBroker.PASSWORD)) {
            Health health = new KafkaHealthIndicator(admin).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void withAWrongPasswordHealthIsDownAndSaysTheCredentialsWereRefused() {
        try (Admin admin = admin("not-the-password")) {
            Health health = new KafkaHealthIndicator(admin).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", KafkaHealthIndicator.REFUSED);
        }
    }

    private static Admin admin(String password) {
        KafkaClients clients = new KafkaClients(new MockEnvironment()
                .withProperty("alluris.kafka.bootstrap-servers", SaslKafkaBroker.bootstrapServers())
                .withProperty("alluris.kafka.security.protocol", "SASL_PLAINTEXT")
                .withProperty("alluris.kafka.security.sasl-mechanism", "PLAIN")
                .withProperty("alluris.kafka.security.sasl-jaas-config", SaslKafkaBroker.jaasConfig(SaslKafkaBroker.USER, password)));
        return Admin.create(clients.config(Map.of("default.api.timeout.ms", 5000, "request.timeout.ms", 3000)));
    }
}
