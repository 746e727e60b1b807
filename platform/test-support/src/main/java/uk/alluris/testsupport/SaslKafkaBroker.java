package uk.alluris.testsupport;

import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A second embedded Kafka node (KRaft) whose clients must log in with SASL/PLAIN, and which, like a production
 * broker, creates no topic on first use: for tests of the platform's Kafka security and topic provisioning. Started
 * on first use, once per test JVM. Its one user is {@link #USER}; any other login is refused.
 */
public final class SaslKafkaBroker {

    public static final String USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    public static final String PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

    private static KafkaClusterTestKit cluster;

    private SaslKafkaBroker() {
    }

    /** The SASL_PLAINTEXT listener's address; starts the node on first call. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            // no shutdown hook: hooks run together, and a node stopped while a test context's clients are still
            // closing keeps them waiting past the test JVM's exit timeout; the JVM's end stops it
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    /** The {@code sasl.jaas.config} a client logs in with. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static KafkaClusterTestKit start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                    .setNumControllerNodes(1).setBrokerListenerName(new ListenerName("EXTERNAL"))
                    .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT).build();
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    // only the one user exists, and it may do anything: the test is about logging in
                    .setConfigProp("allow.everyone.if.no.acl.found", "true")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("the SASL Kafka node did not start", e);
        }
    }
}
