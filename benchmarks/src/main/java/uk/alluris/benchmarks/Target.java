package uk.alluris.benchmarks;

/**
 * Where the platform under test is: the gateway, the two services called directly (rights, to file requests without
 * the public endpoints' per-address rate limit; booking, for the gateway-cost comparison), the Kafka broker, and the
 * local staff password and TOTP secret (the seeded privacy officer and administrator sign in with a second factor).
 */
public record Target(String gatewayUrl, String rightsUrl, String bookingUrl, String kafkaBootstrapServers,
        String staffPassword, String staffTotpSecret) {

    public Target(String gatewayUrl, String rightsUrl, String bookingUrl, String kafkaBootstrapServers,
            String staffPassword) {
        this(gatewayUrl, rightsUrl, bookingUrl, kafkaBootstrapServers, staffPassword,
                System.getenv().getOrDefault("ALLURIS_LOCAL_STAFF_TOTP_SECRET", StaffCodes.LOCAL_SECRET));
    }

    /** The embedded default started by {@code ./run}. */
    public static Target embeddedDefault() {
        return new Target("http://127.0.0.1:8080", "http://127.0.0.1:8085", "http://127.0.0.1:8081", "127.0.0.1:9092",
                System.getenv().getOrDefault("ALLURIS_LOCAL_STAFF_PASSWORD", "alluris-local"));
    }
}
