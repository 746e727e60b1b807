package uk.alluris.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded Kafka broker (KRaft) and one embedded MongoDB-wire store per test JVM, started on first use and
 * reused by every test class; each Spring context gets its own database so tests do not see each other's data.
 * The broker starts only when something asks for it: the system tests run theirs as a process of its own (so that
 * it can be killed) and need only the store.
 */
public final class EmbeddedInfrastructure {

    private static volatile EmbeddedInfrastructure instance;

    private EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoAddress;

    private EmbeddedInfrastructure() {
        mongo = new MongoServer(new MemoryBackend());
        // mongo-java-server only offers change streams with the oplog on; production MongoDB has it anyway.
        mongo.enableOplog();
        mongo.bind("127.0.0.1", 0);
        mongoAddress = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
    }

    /** Starts the store on first call (the broker on first use); later calls return the running pair. */
    public static EmbeddedInfrastructure get() {
        if (instance == null) {
            synchronized (EmbeddedInfrastructure.class) {
                if (instance == null) {
                    instance = new EmbeddedInfrastructure();
                }
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka().getBrokersAsString();
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database: services name their own. */
    public String mongoUri() {
        return mongoAddress;
    }

    /** A database name no other context in this JVM uses. */
    public static String freshDatabaseName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public synchronized EmbeddedKafkaKraftBroker kafka() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "3"));
            broker.afterPropertiesSet();
            kafka = broker;
        }
        return kafka;
    }

    private synchronized void stop() {
        mongo.shutdownNow();
        if (kafka != null) {
            kafka.destroy();
        }
    }
}
