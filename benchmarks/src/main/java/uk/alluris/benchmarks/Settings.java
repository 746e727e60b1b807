package uk.alluris.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run and how hard; every value has a default and a command-line flag (see {@link Benchmarks}).
 * {@code largePeople} is the second fan-out's size (0: not measured, as {@code --quick} sets it);
 * {@code closedLoopRequests} is how many requests each closed-loop concurrency (1 and 8) completes;
 * {@code cpuErasures} &gt; 0 ({@code --cpu-per-erasure N}) runs only the CPU-per-erasure phase on N people
 * ({@link CpuPerErasure}), labelled {@code cpu} unless named otherwise.
 */
public record Settings(int people, int concurrency, int floorRoundTrips, Duration gatewayPhase, int gatewayConcurrency,
        Path resultsDirectory, String label, int accessPeople, int largePeople, int closedLoopRequests,
        int cpuErasures) {

    /** The closed-loop concurrencies the latency target is judged at; the reported keys take the worse. */
    static final List<Integer> CLOSED_LOOP_CONCURRENCIES = List.of(1, 8);

    private static final String USAGE = "options: --people N --large-people M (0 skips) --quick --concurrency C "
            + "--closed-loop-requests R --floor-round-trips K --gateway-seconds S --gateway-concurrency G "
            + "--access-people A --results DIR --label NAME --cpu-per-erasure N ";

    public static Settings defaults() {
        return new Settings(1000, 32, 1000, Duration.ofSeconds(30), 16, Path.of("benchmarks", "results"), "full", 3,
                5000, 200, 0);
    }

    /** A tiny run that only proves the harness works. */
    public static Settings smoke(Path resultsDirectory) {
        return new Settings(20, 4, 50, Duration.ofSeconds(2), 4, resultsDirectory, "smoke", 1, 0, 4, 0);
    }

    static Settings parse(String[] args) {
        Settings d = defaults();
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if ("--quick".equals(args[i])) {
                given.put("--large-people", "0");
                given.putIfAbsent("--label", "quick");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length || !USAGE.contains(args[i] + " ")) {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i] + " (" + USAGE + ")");
            }
            given.put(args[i], args[++i]);
        }
        if (given.containsKey("--cpu-per-erasure")) {
            given.putIfAbsent("--label", "cpu");
        }
        return new Settings(number(given, "--people", d.people), number(given, "--concurrency", d.concurrency),
                number(given, "--floor-round-trips", d.floorRoundTrips),
                Duration.ofSeconds(number(given, "--gateway-seconds", (int) d.gatewayPhase.toSeconds())),
                number(given, "--gateway-concurrency", d.gatewayConcurrency),
                Path.of(given.getOrDefault("--results", d.resultsDirectory.toString())),
                given.getOrDefault("--label", d.label), number(given, "--access-people", d.accessPeople),
                number(given, "--large-people", d.largePeople),
                number(given, "--closed-loop-requests", d.closedLoopRequests),
                number(given, "--cpu-per-erasure", d.cpuErasures));
    }

    private static int number(Map<String, String> given, String option, int fallback) {
        String value = given.get(option);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "' (" + USAGE + ")");
        }
    }
}
