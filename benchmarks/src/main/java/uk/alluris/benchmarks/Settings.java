package uk.alluris.benchmarks;

import java.nio.file.Path;
import java.time.Duration;

/** What to run and how hard; every value has a default and a command-line flag (see {@link Benchmarks}). */
public record Settings(int people, int concurrency, int floorRoundTrips, Duration gatewayPhase, int gatewayConcurrency,
        Path resultsDirectory, String label, int accessPeople) {

    public static Settings defaults() {
        return new Settings(1000, 32, 1000, Duration.ofSeconds(30), 16, Path.of("benchmarks", "results"), "full", 3);
    }

    /** A tiny run that only proves the harness works. */
    public static Settings smoke(Path resultsDirectory) {
        return new Settings(20, 4, 50, Duration.ofSeconds(2), 4, resultsDirectory, "smoke", 1);
    }

    static Settings parse(String[] args) {
        Settings s = defaults();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--people" -> s = new Settings(Integer.parseInt(value), s.concurrency, s.floorRoundTrips,
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label, s.accessPeople);
                case "--concurrency" -> s = new Settings(s.people, Integer.parseInt(value), s.floorRoundTrips,
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label, s.accessPeople);
                case "--floor-round-trips" -> s = new Settings(s.people, s.concurrency, Integer.parseInt(value),
                        s.gatewayPhase, s.gatewayConcurrency, s.resultsDirectory, s.label, s.accessPeople);
                case "--gateway-seconds" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips,
                        Duration.ofSeconds(Long.parseLong(value)), s.gatewayConcurrency, s.resultsDirectory, s.label,
                        s.accessPeople);
                case "--gateway-concurrency" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips,
                        s.gatewayPhase, Integer.parseInt(value), s.resultsDirectory, s.label, s.accessPeople);
                case "--results" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips, s.gatewayPhase,
                        s.gatewayConcurrency, Path.of(value), s.label, s.accessPeople);
                case "--label" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips, s.gatewayPhase,
                        s.gatewayConcurrency, s.resultsDirectory, value, s.accessPeople);
                case "--access-people" -> s = new Settings(s.people, s.concurrency, s.floorRoundTrips, s.gatewayPhase,
                        s.gatewayConcurrency, s.resultsDirectory, s.label, Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --people N --concurrency C --floor-round-trips K --gateway-seconds S "
                        + "--gateway-concurrency G --access-people A --results DIR --label NAME)");
            }
            i++;
        }
        return s;
    }
}
