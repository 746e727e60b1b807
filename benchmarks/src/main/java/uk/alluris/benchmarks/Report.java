package uk.alluris.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The figures of one run, as JSON (for tools) and as Markdown (for people), with the machine and commit. The headline
 * keys ({@code erasuresPerSecond}, {@code erasuresPerSecondAt5000}, {@code closedLoopP50Ms}, {@code closedLoopP99Ms},
 * {@code gatewayVsNginx}, {@code accessBundleWorstMs}, {@code platformRssMiB}) are always present: a figure that was
 * not measured is null and {@code notMeasured} says why. {@link Targets} judges them.
 */
final class Report {

    private final Settings settings;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, String> notMeasured = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final Instant at = Instant.now();

    Report(Settings settings) {
        this.settings = settings;
        json.put("label", settings.label());
        json.put("at", at.toString());
        json.put("machine", machine());
        json.put("commit", commit());
        json.put("settings", Map.of("people", settings.people(), "largePeople", settings.largePeople(),
                "concurrency", settings.concurrency(), "closedLoopRequests", settings.closedLoopRequests(),
                "floorRoundTrips", settings.floorRoundTrips(), "gatewaySeconds", settings.gatewayPhase().toSeconds(),
                "gatewayConcurrency", settings.gatewayConcurrency(), "accessPeople", settings.accessPeople()));
        for (String key : Targets.HEADLINE_KEYS) {
            json.put(key, null);
        }
        json.put("notMeasured", notMeasured);
    }

    void fanOut(String key, ErasureFanOut.Result fanOut) {
        Latencies l = fanOut.latencies();
        json.put(key.equals("erasuresPerSecond") ? "erasureFanOut" : "erasureFanOutAtLarge", Map.of(
                "completed", fanOut.completed(), "p50Ms", l.percentileMillis(50), "p95Ms", l.percentileMillis(95),
                "p99Ms", l.percentileMillis(99), "maxMs", l.maxMillis(), "requestsPerSecond", fanOut.requestsPerSecond(),
                "wallClockSeconds", fanOut.wallClock().toMillis() / 1000.0));
        json.put(key, fanOut.requestsPerSecond());
        section("Erasure fan-out, " + fanOut.completed() + " people verified at once (the burst: verification → every "
                + "receipt in)", "people | concurrency | p50 ms | p95 ms | p99 ms | max ms | erasures/s");
        markdown.append(row(fanOut.completed(), settings.concurrency(), l.percentileMillis(50), l.percentileMillis(95),
                l.percentileMillis(99), l.maxMillis(), fanOut.requestsPerSecond()));
    }

    /** CPU per erasure by process (JSON key {@code cpuPerErasure}); not a headline figure, so no target judges it. */
    void cpuPerErasure(CpuPerErasure.Result result, int concurrency) {
        json.put("cpuPerErasure", Map.of("erasures", result.erasures(), "concurrency", concurrency,
                "wallClockSeconds", result.wallClock().toMillis() / 1000.0, "msPerErasure", result.msPerErasure(),
                "idleMsPerSecond", result.idleMsPerSecond()));
        section("CPU per erasure (" + result.erasures() + " erasures filed, verified and completed at concurrency "
                + concurrency + "; utime+stime from /proc, idle subtracted)", "process | ms of CPU per erasure | "
                + "idle ms of CPU per s");
        result.msPerErasure().forEach((part, ms) -> markdown.append(row(part, ms,
                result.idleMsPerSecond().getOrDefault(part, Double.NaN))));
    }

    void notMeasured(String key, String why) {
        notMeasured.put(key, why);
        markdown.append("\n`").append(key).append("`: not measured (").append(why).append(").\n");
    }

    void kafkaFloor(Latencies floor) {
        json.put("kafkaFloor", Map.of("roundTrips", floor.count(), "payloadBytes", KafkaFloor.PAYLOAD_BYTES,
                "p50Ms", floor.percentileMillis(50), "p99Ms", floor.percentileMillis(99)));
        section("Kafka floor (produce → consume → produce → consume, same broker, " + KafkaFloor.PAYLOAD_BYTES + " B)",
                "round trips | p50 ms | p99 ms");
        markdown.append(row(floor.count(), floor.percentileMillis(50), floor.percentileMillis(99)));
    }

    /** Closed loop at each concurrency; the headline keys take the worse concurrency's figure. */
    void closedLoop(Map<Integer, Latencies> byConcurrency) {
        Map<String, Object> detail = new LinkedHashMap<>();
        double p50 = 0;
        double p99 = 0;
        section("Closed loop (each caller: file, verify, wait for every receipt, next; " + settings.closedLoopRequests()
                + " requests per concurrency)", "concurrency | requests | p50 ms | p95 ms | p99 ms | max ms");
        for (Map.Entry<Integer, Latencies> c : byConcurrency.entrySet()) {
            Latencies l = c.getValue();
            detail.put(String.valueOf(c.getKey()), Map.of("requests", l.count(), "p50Ms", l.percentileMillis(50),
                    "p95Ms", l.percentileMillis(95), "p99Ms", l.percentileMillis(99), "maxMs", l.maxMillis()));
            p50 = Math.max(p50, l.percentileMillis(50));
            p99 = Math.max(p99, l.percentileMillis(99));
            markdown.append(row(c.getKey(), l.count(), l.percentileMillis(50), l.percentileMillis(95),
                    l.percentileMillis(99), l.maxMillis()));
        }
        json.put("closedLoop", detail);
        json.put("closedLoopP50Ms", p50);
        json.put("closedLoopP99Ms", p99);
    }

    void frontDoor(FrontDoor.Result result) {
        Map<String, Object> routes = new LinkedHashMap<>();
        section("Front door (wrk: GET a client profile as reception, " + settings.gatewayConcurrency() + " connections, "
                + settings.gatewayPhase().toSeconds() + " s per route in two alternating rounds)",
                "route | requests | errors | req/s | p50 ms | p99 ms");
        result.routes().forEach((route, r) -> {
            routes.put(route, Map.of("requests", r.requests(), "errors", r.errors(), "throughput", r.throughput(),
                    "p50Ms", r.p50Ms(), "p99Ms", r.p99Ms()));
            markdown.append(row(route, r.requests(), r.errors(), r.throughput(), r.p50Ms(), r.p99Ms()));
        });
        json.put("frontDoor", routes);
        result.skipped().forEach((route, why) -> notMeasured("frontDoor: " + route, why));
        if (result.gatewayVsNginxThroughput().isPresent()) {
            double throughput = result.gatewayVsNginxThroughput().get();
            double p99 = result.gatewayVsNginxP99().get();
            json.put("gatewayVsNginx", Map.of("throughput", throughput, "p99", p99));
            markdown.append("\nThe gateway serves ").append(fmt(throughput * 100)).append(" % of nginx's throughput; its "
                    + "p99 is ").append(fmt(p99)).append("× nginx's (percentiles: the worse of the two rounds).\n");
        } else {
            notMeasured.put("gatewayVsNginx", "needs both the nginx and the gateway rows");
        }
    }

    void accessExport(AccessExport.Result result) {
        Latencies t = result.total();
        json.put("accessExport", Map.of("people", result.people(),
                "person", Map.of("appointments", AccessExport.APPOINTMENTS, "clinicalEntries", AccessExport.ENTRIES,
                        "consentEvents", AccessExport.CONSENT_EVENTS, "subscriptions", AccessExport.LISTS),
                "readyP50Ms", result.ready().percentileMillis(50), "readyMaxMs", result.ready().maxMillis(),
                "downloadP50Ms", result.download().percentileMillis(50), "downloadMaxMs", result.download().maxMillis(),
                "totalP50Ms", t.percentileMillis(50), "totalMaxMs", t.maxMillis(), "bundleBytes", result.bundleBytes()));
        json.put("accessBundleWorstMs", t.maxMillis());
        section("Access bundle (one person: " + AccessExport.APPOINTMENTS + " appointments, " + AccessExport.ENTRIES
                + " clinical entries, " + AccessExport.CONSENT_EVENTS + " consent events, " + AccessExport.LISTS
                + " subscriptions; " + result.people() + " such people, one after another)", "step | p50 ms | max ms");
        markdown.append(row("verification → bundle ready (every sealed export in)", result.ready().percentileMillis(50),
                        result.ready().maxMillis()))
                .append(row("first download (open, assemble the ZIP, send)", result.download().percentileMillis(50),
                        result.download().maxMillis()))
                .append(row("total", t.percentileMillis(50), t.maxMillis()))
                .append("\nBundle size: ").append(result.bundleBytes() / 1024).append(" KiB.\n");
    }

    /** Read last, after every other phase: what the platform holds once the whole run has gone through it. */
    void memory(List<PlatformMemory.Resident> processes) {
        if (processes.isEmpty()) {
            notMeasured("platformRssMiB", "no platform process could be read from /proc");
            return;
        }
        double residentMiB = processes.stream().mapToDouble(PlatformMemory.Resident::mib).sum();
        json.put("platformRssMiB", residentMiB);
        Map<String, Double> byProcess = new LinkedHashMap<>();
        processes.stream().sorted(Comparator.comparing(PlatformMemory.Resident::name))
                .forEach(p -> byProcess.merge(p.name(), p.mib(), Double::sum));
        json.put("platformRssMiBByProcess", byProcess);
        markdown.append("\n## Memory after the benchmark\n\nResident (VmRSS, summed over the platform's ")
                .append(processes.size()).append(" processes, read after every other phase): ")
                .append(fmt(residentMiB)).append(" MiB.\n");
        section("Memory per process", "process | MiB");
        byProcess.forEach((name, mib) -> markdown.append(row(name, mib)));
    }

    /** Writes {@code <label>-<time>.json} and {@code .md}, and the same as {@code latest-<label>.*}; returns the Markdown. */
    String write() throws IOException {
        markdown.append(Targets.table(json));
        Files.createDirectories(settings.resultsDirectory());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(at);
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) json.get("machine");
        String md = "# Alluris benchmarks — " + settings.label() + " run, " + at + "\n\n"
                + "Machine: " + machine.get("cores") + " cores, " + machine.get("memoryGiB") + " GiB, "
                + machine.get("jdk") + ", " + machine.get("os") + ". Commit: `" + json.get("commit") + "`.\n"
                + markdown;
        String body = Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        for (String name : new String[] { settings.label() + "-" + stamp, "latest-" + settings.label() }) {
            Files.writeString(settings.resultsDirectory().resolve(name + ".json"), body);
            Files.writeString(settings.resultsDirectory().resolve(name + ".md"), md);
        }
        return md;
    }

    private void section(String title, String header) {
        markdown.append("\n## ").append(title).append("\n\n| ").append(header).append(" |\n|")
                .append("---|".repeat(header.split("\\|").length)).append('\n');
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memoryGiB", Math.round(bytes / (1024.0 * 1024 * 1024) * 10) / 10.0);
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    private static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell instanceof Double d ? fmt(d) : String.valueOf(cell)).append(" |");
        }
        return row.append('\n').toString();
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }
}
