package uk.alluris.systemtests;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.alluris.benchmarks.StaffCodes;
import uk.alluris.local.PaymentSimulator;
import uk.alluris.local.SmsSink;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.ServiceEndpoints;

/**
 * The five services, the gateway and the staff dashboard (web) as their packaged jars, each in its own JVM as in production, against one
 * Kafka broker in a JVM of its own ({@link BrokerProcess}, so that a fault run can kill it: part {@value #BROKER}) and
 * the test JVM's embedded store. Started once for every system test in this JVM and stopped with it.
 */
final class RunningPlatform {

    /** The broker's name as a part, for {@link #killPart} and {@link #startPart}, as ./run names it. */
    static final String BROKER = "kafka";
    static final List<String> SERVICES = List.of("booking-service", "records-service", "consent-service",
            "marketing-service", "rights-request-service");
    /** The embedded default's staff password for the seeded accounts, here as in ./run: local only. */
    static final String STAFF_PASSWORD = "system-test-local-password";
    /** The seeded privacy officer's and administrator's TOTP secret, as ./run sets it: local only. */
    static final String STAFF_TOTP_SECRET = StaffCodes.LOCAL_SECRET;
    /** The keyset sealing the gateway's private signing keys here, so that {@link TokenForgery} can act the insider. */
    static final String SIGNING_KEYSET = freshAeadKeyset();
    /** The lead partner "acme"'s webhook secret in these tests. */
    static final String PARTNER_SECRET = "system-test-acme-lead-secret";
    /** The payment processor's webhook secret in these tests. */
    static final String PAYMENT_SECRET = "system-test-payment-processor-secret";
    /** Overridable (-Dalluris.system-tests.startup-limit=PT10M) for a machine busy with other builds. */
    private static final Duration STARTUP_LIMIT = Duration.parse(
            System.getProperty("alluris.system-tests.startup-limit", "PT4M"));
    private static RunningPlatform instance;

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    private BrokerProcess broker;
    private PaymentSimulator processor;
    private SmsSink sms;
    private final Path root = Path.of(System.getProperty("user.dir")).getParent();
    private final Path logs = Path.of(System.getProperty("user.dir"), "target", "platform-logs");

    static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = new RunningPlatform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "platform-stop"));
            instance.start();
        }
        return instance;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** The platform's broker, for a test that reads its topics as an auditor would. */
    String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The process ids of the platform's own JVMs (services, gateway, web), whose memory the benchmark sums. */
    List<Long> processIds() {
        return processes.values().stream().filter(Process::isAlive).map(Process::pid).toList();
    }

    String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The database a part of the platform was given, to look at what it stored as an auditor would. */
    String database(String name) {
        return databases.get(name);
    }

    /** Mail the platform has sent, as GreenMail received it. */
    GreenMail mail() {
        return mail;
    }

    /** The payment processor simulator (deploy/local), sending its signed events to the gateway. */
    PaymentSimulator processor() {
        return processor;
    }

    /** The SMS sink (deploy/local): what the platform texted. */
    SmsSink sms() {
        return sms;
    }

    private void start() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new BrokerProcess(logs.getParent().resolve("platform-broker-" + UUID.randomUUID()),
                logs.resolve(BROKER + ".log"), freePort(), freePort());
        broker.start();
        // the store, mail and simulators start while the broker's JVM does; the services only once it answers
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        mail.start();
        SERVICES.forEach(service -> ports.put(service, freePort()));
        ports.put("gateway", freePort());
        ports.put("web", freePort());
        try {
            // the local defaults booking-service's application-local.yml holds, as ./run starts them
            processor = PaymentSimulator.start(0, "sk_test_local-default-processor-key", PAYMENT_SECRET,
                    gatewayUrl() + "/webhooks/payments");
            sms = SmsSink.start(0, "AC-local-default-sms-account", "local-default-sms-auth-token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker.awaitReady(deadline);
        ports.forEach((name, port) -> {
            Map<String, String> env = new LinkedHashMap<>();
            // the local profile, as ./run sets it: committed local secrets, the seeded staff accounts, partner acme
            env.put("SPRING_PROFILES_ACTIVE", "local");
            env.put("SERVER_PORT", String.valueOf(port));
            if ("gateway".equals(name)) {
                env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(freePort()));
            }
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("MONGODB_URI", infrastructure.mongoUri());
            databases.put(name, EmbeddedInfrastructure.freshDatabaseName(name));
            env.put("MONGODB_DATABASE", databases.get(name));
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
            env.put("ALLURIS_JWKS_URI", gatewayUrl() + "/.well-known/jwks.json");
            env.put("ALLURIS_LOCAL_STAFF_PASSWORD", STAFF_PASSWORD);
            env.put("ALLURIS_LOCAL_STAFF_TOTP_SECRET", STAFF_TOTP_SECRET);
            env.put("ALLURIS_SIGNING_KEYS_KEYSET", SIGNING_KEYSET);
            // as ./run: the profile that accepts the committed local defaults
            env.put("SPRING_PROFILES_ACTIVE", "local");
            // tests speak through X-Forwarded-For so that each gets its own rate-limit bucket
            env.put("ALLURIS_TRUSTED_PROXIES", "127.0.0.1");
            SERVICES.forEach(service -> env.put(service.replace('-', '_').toUpperCase() + "_URL", serviceUrl(service)));
            // the staff dashboard: the gateway routes /staff/** to it, it calls the services and the gateway directly
            env.put("WEB_URL", "http://127.0.0.1:" + ports.get("web"));
            env.put("GATEWAY_URL", gatewayUrl());
            // silent services are asked again soon, so that a test sees a stopped service chased
            env.put("ALLURIS_RIGHTS_CHASE_AFTER", "3s");
            env.put("ALLURIS_RIGHTS_CHASE_EVERY", "1s");
            // links in mail (double opt-in, unsubscribe, the access bundle) point at this platform's gateway
            env.put("ALLURIS_PUBLIC_BASE_URL", gatewayUrl());
            env.put("ALLURIS_PARTNER_ACME_SECRET", PARTNER_SECRET);
            env.put("ALLURIS_PAYMENT_WEBHOOK_SECRET", PAYMENT_SECRET);
            env.put("ALLURIS_PAYMENT_PROCESSOR_URL", "http://127.0.0.1:" + processor.port());
            env.put("ALLURIS_PAYMENT_CHECKOUT_URL", "http://127.0.0.1:" + processor.port() + "/checkout/{intentId}");
            env.put("ALLURIS_SMS_PROVIDER_URL", "http://127.0.0.1:" + sms.port());
            // reminders go at once and at any hour, so a test need not wait for the clock
            env.put("ALLURIS_SMS_QUIET_HOURS", "false");
            env.put("ALLURIS_BOOKING_MESSAGES_DISPATCH_INTERVAL", "PT1S");
            environments.put(name, env);
            processes.put(name, launch(name, env));
        });
        awaitHealthy();
    }

    /** Stops one part of the platform, as a crash or a deployment would (SIGTERM, then SIGKILL). */
    synchronized void stopPart(String name) {
        if (BROKER.equals(name)) {
            broker.stop();
            return;
        }
        terminate(processes.get(name));
    }

    /** Kills one part of the platform as a crash would: SIGKILL ({@code kill -9}), no shutdown hook, no goodbye. */
    synchronized void killPart(String name) {
        if (BROKER.equals(name)) {
            broker.kill();
            return;
        }
        Process process = processes.get(name);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a stopped part again, on the same port and database (the broker: on the same ports and log directory),
     * and waits until it, and every service, is healthy.
     */
    synchronized void startPart(String name) {
        if (BROKER.equals(name)) {
            broker.start();
            broker.awaitReady(Instant.now().plus(STARTUP_LIMIT));
        } else {
            processes.put(name, launch(name, environments.get(name)));
        }
        awaitHealthy();
    }

    private Process launch(String name, Map<String, String> env) {
        return launchJar(name, env, logs.resolve(name + ".log"));
    }

    /** Starts one packaged part with exactly this environment (no profile it does not name), its output to {@code log}. */
    static Process launchJar(String name, Map<String, String> env, Path log) {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: system tests run after the services are packaged");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(root.toFile());
        // nothing of the test JVM's own profile or secrets leaks in: each part gets the profile and secrets it is given
        builder.environment().keySet().removeIf(key -> key.startsWith("ALLURIS_") || key.equals("SPRING_PROFILES_ACTIVE"));
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Where a part says whether it is healthy on its own port: a service's actuator health, the gateway's public
     * {@code /health} (its actuator is on its management port, GATEWAY_MANAGEMENT_PORT).
     */
    static String healthPath(String name) {
        return "gateway".equals(name) ? "/health" : "/actuator/health";
    }

    /** The gateway's management port (its actuator: health with components, info, Prometheus). */
    String gatewayManagementUrl() {
        return "http://127.0.0.1:" + environments.get("gateway").get("GATEWAY_MANAGEMENT_PORT");
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        for (String name : ports.keySet()) {
            String health = "http://127.0.0.1:" + ports.get(name) + healthPath(name);
            while (!"UP".equals(ServiceEndpoints.healthStatus(health))) {
                if (!processes.get(name).isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " did not become healthy; see " + logs.resolve(name + ".log")
                           );
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    private void stop() {
        mail.stop();
        processor.stop();
        sms.stop();
        processes.values().forEach(Process::destroy);
        processes.values().forEach(RunningPlatform::terminate);
        // last: the services stopping may still flush to it
        if (broker != null) {
            broker.stop();
        }
    }

    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String freshAeadKeyset() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        return ListeningPorts.next();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
