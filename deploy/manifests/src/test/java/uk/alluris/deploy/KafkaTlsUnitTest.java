package uk.alluris.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.deploy.Yamls.at;
import static uk.alluris.deploy.Yamls.list;
import static uk.alluris.deploy.Yamls.listAt;
import static uk.alluris.deploy.Yamls.map;
import static uk.alluris.deploy.Yamls.mapAt;
import static uk.alluris.deploy.Yamls.text;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kafka with TLS on the wire in both deployments: no plaintext listener for clients, every deployable connecting over
 * TLS with the cluster's authority as its truststore and its own credentials, every password referenced from the
 * environment or a Secret, never written down.
 */
class KafkaTlsUnitTest {

    private static final Set<String> SECURED = Set.of("SSL", "SASL_SSL");
    private final Map<String, Object> compose = Repository.yaml("deploy/compose/compose.yaml");
    private final Map<String, Object> services = mapAt(compose, "services");
    private final KubernetesResources base = KubernetesResources.under("deploy/k8s/base");
    private final KubernetesResources everything = KubernetesResources.under("deploy/k8s");

    @Test
    void composeBrokersHaveOnlyTlsListenersAndRequireEveryClientToShowACertificate() {
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> service = map(services.get(broker));
            Map<String, Object> environment = mapAt(service, "environment");
            Map<String, String> protocols = new HashMap<>();
            for (String mapping : text(environment, "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")) {
                protocols.put(mapping.split(":")[0], mapping.split(":")[1]);
            }
            assertThat(protocols.values()).as(broker).isNotEmpty().allMatch(SECURED::contains);
            for (String key : List.of("KAFKA_LISTENERS", "KAFKA_ADVERTISED_LISTENERS")) {
                for (String listener : text(environment, key).split(",")) {
                    assertThat(protocols).as(broker + " " + listener).containsKey(listener.split("://")[0]);
                }
            }
            assertThat(text(environment, "KAFKA_ADVERTISED_LISTENERS")).startsWith("SSL://" + broker + ":");
            assertThat(text(environment, "KAFKA_SSL_CLIENT_AUTH")).isEqualTo("required");
            assertThat(list(service.get("volumes"))).contains("./kafka-tls/" + broker + ":/etc/kafka/secrets:ro");
            assertThat(String.valueOf(at(service, "healthcheck.test")))
                    .contains("--command-config /etc/kafka/secrets/client.properties");
        }
        Map<String, Object> topics = map(services.get("kafka-topics"));
        assertThat(list(topics.get("volumes"))).contains("./kafka-tls/admin:/etc/kafka/secrets:ro");
        assertThat(String.valueOf(topics.get("entrypoint")))
                .contains("--command-config /etc/kafka/secrets/client.properties");
    }

    @Test
    void everyComposeDeployableConnectsOverTlsWithItsOwnCertificateAndPasswordsFromTheEnvironment() {
        for (String deployable : Repository.DEPLOYABLES) {
            Map<String, Object> service = map(services.get(deployable));
            Map<String, Object> environment = mapAt(service, "environment");
            assertThat(text(environment, "KAFKA_SECURITY_PROTOCOL")).as(deployable).isIn(SECURED);
            assertThat(list(service.get("volumes"))).as(deployable)
                    .contains("./kafka-tls/" + deployable + ":/etc/kafka-tls:ro");
            assertThat(text(environment, "KAFKA_SSL_TRUSTSTORE_LOCATION")).startsWith("/etc/kafka-tls/");
            assertThat(text(environment, "KAFKA_SSL_KEYSTORE_LOCATION")).startsWith("/etc/kafka-tls/");
            for (String password : List.of("KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_KEYSTORE_PASSWORD",
                    "KAFKA_SSL_KEY_PASSWORD")) {
                assertThat(text(environment, password)).as(deployable + " " + password)
                        .isEqualTo("${KAFKA_TLS_PASSWORD:?set in .env}");
            }
            assertThat(text(environment, "KAFKA_TOPICS_MODE")).isEqualTo("VALIDATE");
        }
        assertThat(EnvExample.read().infrastructureSecrets()).containsEntry("KAFKA_TLS_PASSWORD", "");
    }

    @Test
    void theCertificateScriptUsesOnlyKeytoolAndIssuesForEveryBrokerAndDeployableIntoAGitIgnoredFolder()
            throws Exception {
        String script = Repository.read("deploy/compose/kafka-tls.sh");
        assertThat(Files.isExecutable(Repository.path("deploy/compose/kafka-tls.sh"))).isTrue();
        assertThat(script).contains("KEYTOOL=\"${JAVA_HOME:+$JAVA_HOME/bin/}keytool\"", "\"$KEYTOOL\" -genkeypair",
                "\"$KEYTOOL\" -gencert", "OUT=kafka-tls");
        assertThat(script.lines().filter(line -> !line.strip().startsWith("#") && !line.contains("echo")))
                .noneMatch(line -> line.contains("openssl"));
        assertThat(words(script, "BROKERS")).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3");
        Set<String> clients = new TreeSet<>(Repository.DEPLOYABLES);
        clients.add("admin");
        assertThat(words(script, "CLIENTS")).containsExactlyInAnyOrderElementsOf(clients);
        assertThat(Repository.read("deploy/compose/.gitignore").lines()).contains("kafka-tls/");
    }

    @Test
    void strimziOffersOnlyATlsListenerWithALoginAndEveryDeployableHasItsOwnKafkaUser() {
        Map<String, Object> kafka = base.bodiesOfKind("Kafka").get(0);
        for (Object each : listAt(kafka, "spec.kafka.listeners")) {
            Map<String, Object> listener = map(each);
            assertThat(listener.get("tls")).as(text(listener, "name")).isEqualTo(true);
            assertThat(text(listener, "authentication.type")).isIn("scram-sha-512", "tls");
        }
        assertThat(base.ofKind("KafkaUser")).extracting(KubernetesResources.Resource::name)
                .containsExactlyInAnyOrderElementsOf(Repository.DEPLOYABLES);
        for (Map<String, Object> user : base.bodiesOfKind("KafkaUser")) {
            assertThat(mapAt(user, "metadata.labels").get("strimzi.io/cluster")).isEqualTo(text(kafka, "metadata.name"));
            assertThat(text(user, "spec.authentication.type")).isEqualTo("scram-sha-512");
        }
    }

    @Test
    void everyKubernetesDeployableReachesKafkaOverTlsTrustingTheClusterCaWithItsOwnLoginAllFromSecrets() {
        String cluster = text(base.bodiesOfKind("Kafka").get(0), "metadata.name");
        int port = (Integer) map(listAt(base.bodiesOfKind("Kafka").get(0), "spec.kafka.listeners").get(0)).get("port");
        Map<String, Object> shared = mapAt(base.bodiesOfKind("ConfigMap").stream()
                .filter(map -> text(map, "metadata.name").equals("alluris-platform")).findFirst().orElseThrow(), "data");
        assertThat(text(shared, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(text(shared, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(text(shared, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(cluster + "-kafka-bootstrap:" + port);
        for (Map<String, Object> configMap : everything.bodiesOfKind("ConfigMap")) {
            Object protocol = mapAt(configMap, "data").get("KAFKA_SECURITY_PROTOCOL");
            assertThat(protocol == null || SECURED.contains(protocol)).as("no overlay turns TLS off").isTrue();
        }
        for (Map<String, Object> deployment : base.bodiesOfKind("Deployment")) {
            String name = text(deployment, "metadata.name");
            Map<String, Object> pod = mapAt(deployment, "spec.template.spec");
            Map<String, Object> container = map(listAt(pod, "containers").get(0));
            assertThat(listAt(container, "envFrom")).as(name)
                    .contains(Map.of("configMapRef", Map.of("name", "alluris-platform")));
            Map<String, Map<String, Object>> env = new HashMap<>();
            listAt(container, "env").forEach(each -> env.put(text(map(each), "name"), map(each)));
            assertThat(mapAt(env.get("KAFKA_SASL_JAAS_CONFIG"), "valueFrom.secretKeyRef"))
                    .as(name).isEqualTo(Map.of("name", name, "key", "sasl.jaas.config"));
            assertThat(mapAt(env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD"), "valueFrom.secretKeyRef")).as(name)
                    .isEqualTo(Map.of("name", cluster + "-cluster-ca-cert", "key", "ca.password"));
            String caVolume = listAt(pod, "volumes").stream().map(Yamls::map)
                    .filter(volume -> volume.containsKey("secret")
                            && text(volume, "secret.secretName").equals(cluster + "-cluster-ca-cert"))
                    .map(volume -> text(volume, "name")).findFirst().orElseThrow();
            String mountPath = listAt(container, "volumeMounts").stream().map(Yamls::map)
                    .filter(mount -> text(mount, "name").equals(caVolume)).map(mount -> text(mount, "mountPath"))
                    .findFirst().orElseThrow();
            assertThat(text(shared, "KAFKA_SSL_TRUSTSTORE_LOCATION")).as(name).isEqualTo(mountPath + "/ca.p12");
        }
    }

    /** The words of a bash array assignment, {@code NAME=(a b c)}. */
    private static List<String> words(String script, String array) {
        Matcher assignment = Pattern.compile("(?m)^" + array + "=\\(([^)]*)\\)").matcher(script);
        assertThat(assignment.find()).as(array).isTrue();
        return Arrays.stream(assignment.group(1).trim().split("\\s+")).toList();
    }
}
