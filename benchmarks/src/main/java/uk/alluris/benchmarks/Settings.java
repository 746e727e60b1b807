package uk.alluris.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/** What to run and how hard; every value has a default and a command-line flag (see {@link Benchmarks}). */
public record Settings(int people, int concurrency, int floorRoundTrips, Duration gatewayPhase, int gatewayConcurrency,
        Path resultsDirectory, String label) {

    public static Settings defaults() {
        return new Settings(1000, 32, 1000, Duration.ofSeconds(30), 16, Path.of("benchmarks", "results"), "full");
    }

    /** A tiny run that only proves the harness works. */
    public static Settings smoke(Path resultsDirectory) {
        return new Settings(20, 4, 50, Duration.ofSeconds(2), 4, resultsDirectory, "smoke");
    }

    static Settings parse(String[] args) {
        Settings s = defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--people" -> s = new Settings(Integer.parseInt(value), s.concurrency, s.floorRoundTrips,
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label);
                case "--concurrency" -> s = new Settings(s.people, Integer.parseInt(value), s.floorRoundTrips,
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label);
                case "--floor-round-trips" -> s = new Settings(s.people, s.concurrency, Integer.parseInt(value),
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label);
                case "--gateway-seconds" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips,
                        Duration.ofSeconds(Long.parseLong(value)), s.gatewayConcurrency, s.resultsDirectory, s.label);
                case "--gateway-concurrency" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips,
                        s.gatewayPhase, Integer.parseInt(value), s.resultsDirectory, s.label);
                case "--results" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips, s.gatewayPhase,
                        s.gatewayConcurrency, Path.of(value), s.label);
                case "--label" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips, s.gatewayPhase,
                        s.gatewayConcurrency, s.resultsDirectory, value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --people N --concurrency C --floor-round-trips K --gateway-seconds S "
                        + "--gateway-concurrency G --results DIR --label NAME)");
            }
            i++;
        }
        return s;
    }
}
