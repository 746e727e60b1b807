package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.secrets.SecretGenerator;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.ServiceEndpoints;

/**
 * Issue 12, item 4, as an attacker who has read the repository: every local default is published there, so a
 * production start that forgot a secret, or kept the committed one, would let anyone forge partner leads, payment
 * webhooks and mailed links, and read clinical records from a database copy. Each packaged service here is started
 * WITHOUT the local profile, as production starts it.
 */
class SecretsAttackSystemTest {

    /** What anyone reads in the repository's application-local.yml files. */
    private static final Map<String, String> PUBLISHED = Map.of(
            "ALLURIS_BLIND_INDEX_SECRET", "local-default-blind-index-secret-do-not-use-in-production",
            "ALLURIS_MARKETING_LINK_SECRET", "local-default-marketing-link-secret-do-not-use-in-production",
            "ALLURIS_META_APP_SECRET", "local-default-meta-app-secret",
            "ALLURIS_META_VERIFY_TOKEN", "local-default-meta-verify-token",
            "ALLURIS_META_PAGE_ACCESS_TOKEN", "local-default-meta-page-access-token");
    private static final String PUBLISHED_ACME_SECRET = "local-default-acme-lead-webhook-secret";
    /** As RunningPlatform's: -Dalluris.system-tests.startup-limit=PT12M on a machine busy with other builds. */
    private static final Duration LIMIT = Duration.parse(
            System.getProperty("alluris.system-tests.startup-limit", "PT4M"));
    private static final Path LOGS = Path.of(System.getProperty("user.dir"), "target", "platform-logs");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Process> STARTED = new ArrayList<>();
    private static Start marketingWithoutSecrets;
    private static Start gatewayWithoutSecrets;
    private static Start marketingOnPublishedValues;
    private static Start marketingOnGeneratedSecrets;
    private static Start gatewayOnGeneratedSecrets;
    private static String productionMarketing;
    private static String productionGateway;

    /**
     * The five JVMs of this class start together, before its first test: one after another they took 50 s of the
     * CI run, mostly each waiting for its own start; each test still judges only its own JVM.
     */
    @BeforeAll
    static void startEveryProductionStartAtOnce() throws IOException {
        marketingWithoutSecrets = start("marketing-service", "no-secrets", Map.of());
        gatewayWithoutSecrets = start("gateway", "no-secrets", Map.of());
        Map<String, String> published = new LinkedHashMap<>(PUBLISHED);
        published.put("ALLURIS_MARKETING_PARTNERS_ACME_SECRET", PUBLISHED_ACME_SECRET);
        marketingOnPublishedValues = start("marketing-service", "published-values", published);
        marketingOnGeneratedSecrets = start("marketing-service", "generated", generated());
        // ./run's staff password wrongly set beside the generated secrets
        Map<String, String> gatewayEnv = generated();
        gatewayEnv.put("ALLURIS_LOCAL_STAFF_PASSWORD", "alluris-local");
        gatewayOnGeneratedSecrets = start("gateway", "generated", gatewayEnv);
    }

    @AfterAll
    static void stopEverythingStarted() {
        STARTED.forEach(Process::destroyForcibly);
    }

    @Test
    void marketingStartedForProductionWithoutItsSecretsRefusesNamingEachVariableAndTheGenerator() throws Exception {
        Start start = marketingWithoutSecrets;

        assertThat(start.refused()).as("marketing started with no secrets at all").isTrue();
        assertThat(start.log()).contains("ALLURIS_BLIND_INDEX_SECRET is not set", "ALLURIS_MARKETING_LINK_SECRET is not set",
                "ALLURIS_META_APP_SECRET is not set", "ALLURIS_META_VERIFY_TOKEN is not set",
                "ALLURIS_META_PAGE_ACCESS_TOKEN is not set",
                "exec:java -Dexec.mainClass=uk.alluris.kit.secrets.SecretGenerator");
    }

    @Test
    void theGatewayStartedForProductionWithoutItsSecretsRefusesToo() throws Exception {
        Start start = gatewayWithoutSecrets;

        assertThat(start.refused()).as("the gateway started with no secrets at all").isTrue();
        assertThat(start.log()).contains("ALLURIS_BLIND_INDEX_SECRET is not set", "SecretGenerator");
    }

    @Test
    void thePublishedLocalValuesGivenAsTheEnvironmentAreRefused() throws Exception {
        Start start = marketingOnPublishedValues;

        assertThat(start.refused()).as("marketing started on the repository's local values").isTrue();
        String log = start.log();
        PUBLISHED.keySet().forEach(variable -> assertThat(log).contains(variable + " still has the committed local value"));
        assertThat(log).contains("ALLURIS_MARKETING_PARTNERS_ACME_SECRET still has a committed local value");
    }

    @Test
    void marketingAndTheGatewayStartHealthyOnGeneratedSecrets() throws Exception {
        assertThat(ServiceEndpoints.healthStatus(productionMarketing() + "/actuator/health")).isEqualTo("UP");
        assertThat(ServiceEndpoints.healthStatus(productionGateway() + RunningPlatform.healthPath("gateway")))
                .isEqualTo("UP");
    }

    @Test
    void thePublishedStaffPasswordSeedsNoAccountInProduction() throws Exception {
        // ./run's local password, set by mistake on a production gateway: it is read only in the local profile
        String gateway = productionGateway();

        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"reception@alluris.local\",\"password\":\"alluris-local\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).as(login.body()).isEqualTo(401);
    }

    @Test
    void aLeadSignedWithThePublishedAcmeSecretFindsNoSuchPartnerInProduction() throws Exception {
        String body = "{\"leadId\":\"forged-1\",\"email\":\"forged@example.com\",\"formId\":\"spring-offer\","
                + "\"consent\":{\"email\":true},\"capturedAt\":\"" + Instant.now() + "\"}";
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PUBLISHED_ACME_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String v1 = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(productionMarketing() + "/webhooks/leads/acme"))
                .header("Content-Type", "application/json").header("X-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(404);
    }

    /** The production marketing service, on freshly generated secrets, started once for the tests that need it. */
    private static synchronized String productionMarketing() throws Exception {
        if (productionMarketing == null) {
            Start start = marketingOnGeneratedSecrets;
            assertThat(start.healthy()).as("marketing on generated secrets, log:\n%s", start.log()).isTrue();
            productionMarketing = start.url();
        }
        return productionMarketing;
    }

    /** The production gateway on generated secrets, with ./run's staff password wrongly set beside them. */
    private static synchronized String productionGateway() throws Exception {
        if (productionGateway == null) {
            Start start = gatewayOnGeneratedSecrets;
            assertThat(start.healthy()).as("the gateway on generated secrets, log:\n%s", start.log()).isTrue();
            productionGateway = start.url();
        }
        return productionGateway;
    }

    /** What an operator does: the generator's values (keysets plaintext, so allowed explicitly: no KMS here). */
    private static Map<String, String> generated() {
        Map<String, String> env = new LinkedHashMap<>(SecretGenerator.freshValues());
        env.put("ALLURIS_ALLOW_PLAINTEXT_KEYSETS", "true");
        return env;
    }

    private static Start start(String part, String label, Map<String, String> secrets) throws IOException {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(secrets);
        env.put("SERVER_PORT", String.valueOf(port));
        if ("gateway".equals(part)) {
            env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(freePort()));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("MONGODB_URI", infrastructure.mongoUri());
        env.put("MONGODB_DATABASE", EmbeddedInfrastructure.freshDatabaseName(part));
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve("secrets-" + part + "-" + label + "-" + port + ".log");
        Process process = RunningPlatform.launchJar(part, env, log);
        if (STARTED.isEmpty()) {
            // also when the test JVM is stopped before @AfterAll
            Runtime.getRuntime().addShutdownHook(new Thread(SecretsAttackSystemTest::stopEverythingStarted));
        }
        STARTED.add(process);
        return new Start(process, "http://127.0.0.1:" + port, RunningPlatform.healthPath(part), log);
    }

    private record Start(Process process, String url, String healthPath, Path logFile) {

        /** Whether the service stopped by itself, having never answered as healthy. */
        boolean refused() throws InterruptedException {
            Instant deadline = Instant.now().plus(LIMIT);
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                if ("UP".equals(ServiceEndpoints.healthStatus(url + healthPath))) {
                    return false;
                }
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
            return !process.isAlive() && process.exitValue() != 0;
        }

        boolean healthy() throws InterruptedException {
            Instant deadline = Instant.now().plus(LIMIT);
            while (process.isAlive() && Instant.now().isBefore(deadline)) {
                if ("UP".equals(ServiceEndpoints.healthStatus(url + healthPath))) {
                    return true;
                }
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
            return false;
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }
    }

    private static int freePort() throws IOException {
        return ListeningPorts.next();
    }
}
