package uk.alluris.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * The system tests' Kafka broker: one KRaft node (broker and controller) in a JVM of its own, started as ./run starts
 * its "kafka" part (deploy/local's classpath, {@code kafka.Kafka}, deploy/local's kafka-server.properties), so that a
 * fault run can kill it with SIGKILL and start it again on the same ports and log directory.
 */
final class BrokerProcess {

    private final Path directory;
    private final Path properties;
    private final Path log;
    private final int port;
    private Process process;

    /** Writes the broker's configuration and formats its storage once; {@link #start} runs it. */
    BrokerProcess(Path directory, Path log, int port, int controllerPort) {
        this.directory = directory;
        this.properties = directory.resolve("server.properties");
        this.log = log;
        this.port = port;
        try {
            Files.createDirectories(directory);
            String template = Files.readString(localModule().resolve("src/main/resources/kafka-server.properties"));
            Files.writeString(properties, template.replace("@KAFKA_PORT@", String.valueOf(port))
                    .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                    .replace("@LOG_DIR@", directory.resolve("logs").toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process format = launch("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", properties.toString());
        try {
            if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
                throw new IllegalStateException("could not format the broker's storage; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Launches the broker; {@link #awaitReady} waits until it answers. */
    synchronized void start() {
        process = launch("kafka.Kafka", properties.toString());
    }

    /** Waits until the broker answers a client, as the services' clients will ask it. */
    void awaitReady(Instant deadline) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                            .get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet: asked again until the deadline
                }
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the broker did not start; see " + log);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook, no clean log close. */
    synchronized void kill() {
        process.destroyForcibly();
        await(process);
    }

    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    await(process);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process launch(String mainClass, String... arguments) {
        Path local = localModule().resolve("target");
        if (!Files.isDirectory(local.resolve("lib"))) {
            throw new IllegalStateException(local.resolve("lib") + " is missing: system tests run after deploy/local is packaged");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", local.resolve("classes") + ":" + local.resolve("lib") + "/*", mainClass));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(directory.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    private static Path localModule() {
        return Path.of(System.getProperty("user.dir")).getParent().resolve("deploy").resolve("local");
    }

    private static void await(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
