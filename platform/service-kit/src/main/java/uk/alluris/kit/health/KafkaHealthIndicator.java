package uk.alluris.kit.health;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.errors.AuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the Kafka cluster answers a describe-cluster request within a few seconds; DOWN saying that Kafka refused
 * the credentials when it answers but authentication or the TLS handshake fails.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(KafkaHealthIndicator.class);
    private static final int TIMEOUT_MS = 3000;
    static final String REFUSED = "Kafka refused this service's credentials (alluris.kafka.security.*)";

    private final Admin admin;

    KafkaHealthIndicator(Admin admin) {
        super("Kafka is unreachable");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
        try {
            String clusterId = cluster.clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof AuthenticationException refused) {
                // reachable, but it will not talk to us: say so, rather than "unreachable", so the operator looks at
                // the credentials and not the network
                log.error("Kafka refused this service's credentials or TLS handshake ({}); check KAFKA_SECURITY_PROTOCOL, "
                        + "KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG and the truststore/keystore settings",
                        refused.getClass().getSimpleName());
                builder.down().withDetail("error", REFUSED);
                return;
            }
            throw failed;
        }
    }
}
