package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.deploy.Yamls.list;
import static uk.alluris.deploy.Yamls.map;
import static uk.alluris.deploy.Yamls.mapAt;
import static uk.alluris.deploy.Yamls.text;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.secrets.PlatformSecret;

/** deploy/compose: what a clinic running the platform on one host with Docker Compose gets. */
class ComposeFileUnitTest {

    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");
    private final Map<String, Object> compose = Repository.yaml("deploy/compose/compose.yaml");
    private final Map<String, Object> services = mapAt(compose, "services");
    private final EnvExample env = EnvExample.read();

    @Test
    void envExampleListsEveryPlatformSecretOfTheKitsCatalogueAndNothingElseInThatSection() {
        Set<String> catalogue = Arrays.stream(PlatformSecret.values()).map(PlatformSecret::variable)
                .collect(Collectors.toSet());

        assertThat(env.platformSecrets().keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void everySecretInEnvExampleIsListedWithNoValue() {
        assertThat(env.platformSecrets()).allSatisfy((variable, value) -> assertThat(value).as(variable).isEmpty());
        assertThat(env.infrastructureSecrets()).isNotEmpty()
                .allSatisfy((variable, value) -> assertThat(value).as(variable).isEmpty());
    }

    @Test
    void eachDeployableGetsExactlyItsOwnPlatformSecretsFromTheEnvironmentNeverAWrittenValue() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> environment = mapAt(map(services.get(deployable)), "environment");
            Set<String> given = new TreeSet<>();
            for (PlatformSecret secret : PlatformSecret.values()) {
                if (environment.containsKey(secret.variable())) {
                    given.add(secret.variable());
                    assertThat(String.valueOf(environment.get(secret.variable())))
                            .as(deployable + " " + secret.variable())
                            .isEqualTo(secret.optional() ? "${" + secret.variable() + ":-}"
                                    : "${" + secret.variable() + ":?set in .env}");
                }
            }
            assertThat(given).as(deployable).containsExactlyInAnyOrderElementsOf(
                    PlatformSecret.of(deployable).stream().map(PlatformSecret::variable).toList());
        }
    }

    @Test
    void everyVariableTheComposeFileUsesIsListedInEnvExample() {
        Matcher used = VARIABLE.matcher(Repository.read("deploy/compose/compose.yaml"));
        Set<String> unlisted = new TreeSet<>();
        while (used.find()) {
            if (!env.lists(used.group(1))) {
                unlisted.add(used.group(1));
            }
        }
        assertThat(unlisted).isEmpty();
    }

    @Test
    void threeKraftBrokersReplicateEveryWriteToTwoAndCreateNoTopicByAccident() {
        List<String> brokers = services.keySet().stream().filter(name -> name.matches("kafka-\\d")).toList();
        assertThat(brokers).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3");
        for (String broker : brokers) {
            Map<String, Object> service = map(services.get(broker));
            assertThat(text(service, "image")).startsWith("apache/kafka:");
            Map<String, Object> environment = mapAt(service, "environment");
            assertThat(text(environment, "KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(text(environment, "KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).hasSize(3);
            assertThat(text(environment, "KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(text(environment, "KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo("2");
            assertThat(text(environment, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(text(environment, "KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
            assertThat(text(environment, "KAFKA_ADVERTISED_LISTENERS")).contains(broker + ":9092");
        }
    }

    @Test
    void everyTopicAndDeadLetterTopicOfThePlatformIsCreatedWithThreeReplicasAndTwoInSync() {
        String provisioning = String.join(" ", list(mapAt(compose, "services.kafka-topics").get("entrypoint"))
                .stream().map(String::valueOf).toList());

        assertThat(provisioning).contains("--replication-factor 3", "--config min.insync.replicas=2");
        for (String topic : TopicNames.provisioned()) {
            assertThat(provisioning).as(topic).containsPattern(
                    "for topic in [^;]*(?<![\\w.-])" + Pattern.quote(topic) + "(?![\\w.-])");
        }
    }

    @Test
    void mongoDbRunsAsAThreeMemberReplicaSetThatAnInitiationServiceStartsAndEachServiceUsesAsItsOwnUser() {
        for (String member : List.of("mongo-1", "mongo-2", "mongo-3")) {
            Map<String, Object> service = map(services.get(member));
            assertThat(text(service, "image")).startsWith("mongo:");
            assertThat(String.join(" ", list(service.get("entrypoint")).stream().map(String::valueOf).toList()))
                    .contains("--replSet rs0", "--keyFile");
        }
        String initiation = Repository.read("deploy/compose/mongo/initiate-replica-set.js");
        assertThat(initiation).contains("rs.initiate", "mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
        assertThat(String.valueOf(mapAt(compose, "services.mongo-init").get("entrypoint")))
                .contains("/initiate-replica-set.js");
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> environment = mapAt(map(services.get(deployable)), "environment");
            if (environment.containsKey("MONGODB_URI")) {
                String database = text(environment, "MONGODB_URI").replaceAll(".*/([a-z]+)\\?.*", "$1");
                assertThat(text(environment, "MONGODB_URI")).as(deployable)
                        .startsWith("mongodb://" + database + ":${MONGO_" + database.toUpperCase() + "_PASSWORD")
                        .contains("mongo-1:27017,mongo-2:27017,mongo-3:27017", "replicaSet=rs0");
                assertThat(initiation).contains(database + ": \"MONGO_" + database.toUpperCase() + "_PASSWORD\"");
            }
        }
    }

    @Test
    void theDeployablesRunFromTheirImagesReadOnlyWithoutCapabilitiesAndOnlyTheGatewayPublishesAPort() {
        Set<String> published = new TreeSet<>();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            if (map(entry.getValue()).containsKey("ports")) {
                published.add(entry.getKey());
            }
        }
        assertThat(published).containsExactly("gateway");
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> service = map(services.get(deployable));
            assertThat(text(service, "image")).as(deployable).endsWith("/" + deployable + ":${ALLURIS_VERSION:?set in .env}");
            assertThat(service.get("read_only")).as(deployable).isEqualTo(true);
            assertThat(list(service.get("cap_drop"))).as(deployable).containsExactly("ALL");
        }
    }

    @Test
    void everyDeployableSendsMailThroughTheConfiguredSmtpRelayWithStartTlsAndCredentials() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> environment = mapAt(map(services.get(deployable)), "environment");
            assertThat(text(environment, "SMTP_HOST")).isEqualTo("${SMTP_HOST:?set in .env}");
            assertThat(text(environment, "SPRING_MAIL_PASSWORD")).isEqualTo("${SMTP_PASSWORD:?set in .env}");
            assertThat(text(environment, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED")).isEqualTo("true");
        }
        assertThat(env.infrastructureSecrets()).containsKeys("SMTP_USERNAME", "SMTP_PASSWORD");
    }
}
