package uk.alluris.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the platform under test is: the gateway, the two services called directly (rights, to file requests without
 * the public endpoints' per-address rate limit; booking, for the front-door comparison), the Kafka broker, the local
 * staff password and TOTP secret (the seeded privacy officer and administrator sign in with a second factor), and the
 * platform's process ids (whose resident memory the benchmark sums).
 */
public record Target(String gatewayUrl, String rightsUrl, String bookingUrl, String kafkaBootstrapServers,
        String staffPassword, String staffTotpSecret, List<Long> platformProcessIds) {

    public Target {
        platformProcessIds = List.copyOf(platformProcessIds);
    }

    public Target(String gatewayUrl, String rightsUrl, String bookingUrl, String kafkaBootstrapServers,
            String staffPassword) {
        this(gatewayUrl, rightsUrl, bookingUrl, kafkaBootstrapServers, staffPassword,
                System.getenv().getOrDefault("ALLURIS_LOCAL_STAFF_TOTP_SECRET", StaffCodes.LOCAL_SECRET),
                runProcessIds(Path.of("data", "pids")));
    }

    /**
     * The embedded default started by {@code ./run} (its parts' process ids from {@code data/pids}), on the ports
     * ./run takes from the same variables: {@code APP_PORT_BASE} (the gateway; booking +1, rights +5) and
     * {@code KAFKA_PORT}.
     */
    public static Target embeddedDefault() {
        int base = Integer.parseInt(System.getenv().getOrDefault("APP_PORT_BASE", "8080"));
        return new Target("http://127.0.0.1:" + base, "http://127.0.0.1:" + (base + 5),
                "http://127.0.0.1:" + (base + 1), "127.0.0.1:" + System.getenv().getOrDefault("KAFKA_PORT", "9092"),
                System.getenv().getOrDefault("ALLURIS_LOCAL_STAFF_PASSWORD", "alluris-local"));
    }

    /** The process ids ./run recorded, one {@code <part>.pid} file per part; none when ./run has not started here. */
    static List<Long> runProcessIds(Path pids) {
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).map(Target::read)
                    .filter(pid -> pid > 0).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long read(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
