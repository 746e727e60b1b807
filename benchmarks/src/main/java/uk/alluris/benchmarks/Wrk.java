package uk.alluris.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator for the front-door comparison: Debian's {@code wrk}, whose own cost does not decide the result
 * (the benchmark's Java client saturated at an eighth of what wrk reaches). A Lua script adds the bearer token, read
 * from the environment.
 */
final class Wrk {

    /** One wrk run's figures; latencies in milliseconds. */
    record Run(String route, long requests, long errors, double seconds, double p50Ms, double p99Ms) {

        double throughput() {
            return requests / seconds;
        }

        /** Two runs of the same route as one: counts add up, the percentiles are the worse of the two. */
        Run and(Run other) {
            return new Run(route, requests + other.requests, errors + other.errors, seconds + other.seconds,
                    Math.max(p50Ms, other.p50Ms), Math.max(p99Ms, other.p99Ms));
        }
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path executable;
    private final Path script;

    private Wrk(Path executable, Path script) {
        this.executable = executable;
        this.script = script;
    }

    /** wrk from the PATH, with its script in {@code workDirectory}; empty when wrk is not installed. */
    static Optional<Wrk> find(Path workDirectory) throws IOException {
        Optional<Path> wrk = onPath("wrk");
        if (wrk.isEmpty()) {
            return Optional.empty();
        }
        Path script = workDirectory.resolve("bearer.lua");
        try (InputStream lua = Wrk.class.getResourceAsStream("/frontdoor/bearer.lua")) {
            Files.write(script, lua.readAllBytes());
        }
        return Optional.of(new Wrk(wrk.get(), script));
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code connections} keep-alive connections on two threads for {@code seconds}, every call with the token. */
    Run run(String route, String url, String token, int seconds, int connections) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-t", String.valueOf(Math.min(2, connections)),
                "-c", String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true);
        builder.environment().put("ALLURIS_BENCH_TOKEN", token);
        Process wrk = builder.start();
        String output = new String(wrk.getInputStream().readAllBytes());
        try {
            if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                wrk.destroyForcibly();
                throw new IllegalStateException("wrk against " + route + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return parse(route, output);
    }

    /** Reads wrk's --latency report: requests and time, the 50th and 99th percentiles, non-2xx and socket errors. */
    static Run parse(String route, String output) {
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalArgumentException("not a wrk report: " + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double ms = millis(percentile.group(2), percentile.group(3));
            if ("50".equals(percentile.group(1))) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new Run(route, Long.parseLong(requests.group(1)), errors,
                millis(requests.group(2), requests.group(3)) / 1000, p50, p99);
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            case "m" -> number * 60_000;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
