package uk.alluris.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The figures of one run, as JSON (for tools) and as a Markdown table (for people), with the machine and commit. */
final class Report {

    static final double TARGET_FANOUT_P99_MS = 500;
    static final double TARGET_ERASURES_PER_SECOND = 100;
    static final double TARGET_GATEWAY_RATIO = 0.70;
    static final double TARGET_ACCESS_BUNDLE_MS = 2000;

    private final Settings settings;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();
    private final Instant at = Instant.now();

    Report(Settings settings) {
        this.settings = settings;
        json.put("label", settings.label());
        json.put("at", at.toString());
        json.put("machine", machine());
        json.put("commit", commit());
        json.put("settings", Map.of("people", settings.people(), "concurrency", settings.concurrency(),
                "floorRoundTrips", settings.floorRoundTrips(), "gatewaySeconds", settings.gatewayPhase().toSeconds(),
                "gatewayConcurrency", settings.gatewayConcurrency()));
    }

    void fanOut(ErasureFanOut.Result fanOut, Latencies floor) {
        Latencies l = fanOut.latencies();
        json.put("erasureFanOut", Map.of("completed", fanOut.completed(), "p50Ms", l.percentileMillis(50),
                "p95Ms", l.percentileMillis(95), "p99Ms", l.percentileMillis(99), "maxMs", l.maxMillis(),
                "requestsPerSecond", fanOut.requestsPerSecond(), "wallClockSeconds", fanOut.wallClock().toMillis() / 1000.0));
        json.put("kafkaFloor", Map.of("roundTrips", floor.count(), "payloadBytes", KafkaFloor.PAYLOAD_BYTES,
                "p50Ms", floor.percentileMillis(50), "p99Ms", floor.percentileMillis(99)));
        double p50Ratio = l.percentileMillis(50) / floor.percentileMillis(50);
        double p99Ratio = l.percentileMillis(99) / floor.percentileMillis(99);
        json.put("fanOutOverFloor", Map.of("p50", p50Ratio, "p99", p99Ratio));
        markdown.append("## Erasure fan-out (verification → every receipt in)\n\n")
                .append("| people | concurrency | p50 ms | p95 ms | p99 ms | max ms | erasures/s |\n|---|---|---|---|---|---|---|\n")
                .append(row(fanOut.completed(), settings.concurrency(), l.percentileMillis(50), l.percentileMillis(95),
                        l.percentileMillis(99), l.maxMillis(), fanOut.requestsPerSecond()))
                .append("\n## Kafka floor (produce → consume → produce → consume, same broker, ")
                .append(KafkaFloor.PAYLOAD_BYTES).append(" B)\n\n")
                .append("| round trips | p50 ms | p99 ms | fan-out p50 / floor p50 | fan-out p99 / floor p99 |\n|---|---|---|---|---|\n")
                .append(row(floor.count(), floor.percentileMillis(50), floor.percentileMillis(99), p50Ratio, p99Ratio));
    }

    void gateway(GatewayCost.Result result) {
        GatewayCost.Phase d = result.direct();
        GatewayCost.Phase g = result.gateway();
        json.put("gatewayCost", Map.of(
                "direct", Map.of("requests", d.requests(), "errors", d.errors(), "throughput", d.throughput(),
                        "p99Ms", d.latencies().percentileMillis(99)),
                "gateway", Map.of("requests", g.requests(), "errors", g.errors(), "throughput", g.throughput(),
                        "p99Ms", g.latencies().percentileMillis(99)),
                "throughputRatio", result.throughputRatio(), "p99Ratio", result.p99Ratio()));
        markdown.append("\n## Gateway cost (GET a client profile, ").append(settings.gatewayConcurrency())
                .append(" concurrent, ").append(settings.gatewayPhase().toSeconds()).append(" s per route, alternating)\n\n")
                .append("| route | requests | errors | req/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n")
                .append(row("direct to booking", d.requests(), d.errors(), d.throughput(), d.latencies().percentileMillis(50),
                        d.latencies().percentileMillis(99)))
                .append(row("through the gateway", g.requests(), g.errors(), g.throughput(),
                        g.latencies().percentileMillis(50), g.latencies().percentileMillis(99)))
                .append("\nGateway throughput is ").append(fmt(result.throughputRatio() * 100)).append(" % of direct; its p99 is ")
                .append(fmt(result.p99Ratio())).append("× direct.\n");
    }

    void accessExport(AccessExport.Result result) {
        Latencies t = result.total();
        json.put("accessExport", Map.of("measured", true, "people", result.people(),
                "person", Map.of("appointments", AccessExport.APPOINTMENTS, "clinicalEntries", AccessExport.ENTRIES,
                        "consentEvents", AccessExport.CONSENT_EVENTS, "subscriptions", AccessExport.LISTS),
                "readyP50Ms", result.ready().percentileMillis(50), "readyMaxMs", result.ready().maxMillis(),
                "downloadP50Ms", result.download().percentileMillis(50), "downloadMaxMs", result.download().maxMillis(),
                "totalP50Ms", t.percentileMillis(50), "totalMaxMs", t.maxMillis(), "bundleBytes", result.bundleBytes()));
        markdown.append("\n## Access export (one person: ").append(AccessExport.APPOINTMENTS).append(" appointments, ")
                .append(AccessExport.ENTRIES).append(" clinical entries, ").append(AccessExport.CONSENT_EVENTS)
                .append(" consent events, ").append(AccessExport.LISTS).append(" subscriptions; ")
                .append(result.people()).append(" such people, one after another)\n\n")
                .append("| step | p50 ms | max ms |\n|---|---|---|\n")
                .append(row("verification → bundle ready (every sealed export in)", result.ready().percentileMillis(50),
                        result.ready().maxMillis()))
                .append(row("first download (open, assemble the ZIP, send)", result.download().percentileMillis(50),
                        result.download().maxMillis()))
                .append(row("total", t.percentileMillis(50), t.maxMillis()))
                .append("\nBundle size: ").append(result.bundleBytes() / 1024).append(" KiB.\n");
    }

    /** Where each target stands. */
    void targets() {
        @SuppressWarnings("unchecked")
        Map<String, Object> fan = (Map<String, Object>) json.get("erasureFanOut");
        @SuppressWarnings("unchecked")
        Map<String, Object> gate = (Map<String, Object>) json.get("gatewayCost");
        markdown.append("\n## Against this round's targets\n\n| target | measured | met |\n|---|---|---|\n");
        if (fan != null) {
            double p99 = (double) fan.get("p99Ms");
            double rate = (double) fan.get("requestsPerSecond");
            markdown.append(row("fan-out p99 ≤ " + fmt(TARGET_FANOUT_P99_MS) + " ms at C=32", fmt(p99) + " ms at C="
                    + settings.concurrency(), p99 <= TARGET_FANOUT_P99_MS ? "yes" : "no"));
            markdown.append(row("≥ " + fmt(TARGET_ERASURES_PER_SECOND) + " erasures/s", fmt(rate) + "/s",
                    rate >= TARGET_ERASURES_PER_SECOND ? "yes" : "no"));
        }
        if (gate != null) {
            double ratio = (double) gate.get("throughputRatio");
            markdown.append(row("gateway throughput ≥ 70 % of direct", fmt(ratio * 100) + " %",
                    ratio >= TARGET_GATEWAY_RATIO ? "yes" : "no"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> access = (Map<String, Object>) json.get("accessExport");
        if (access != null) {
            double total = (double) access.get("totalMaxMs");
            markdown.append(row("access bundle for the heavy person ≤ 2 s", fmt(total) + " ms (worst of "
                    + access.get("people") + ", ready + download)", total <= TARGET_ACCESS_BUNDLE_MS ? "yes" : "no"));
        }
    }

    /** Writes {@code <label>-<time>.json} and {@code .md}, and the same as {@code latest-<label>.*}; returns the Markdown. */
    String write() throws IOException {
        Files.createDirectories(settings.resultsDirectory());
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(at);
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) json.get("machine");
        String md = "# Alluris benchmarks — " + settings.label() + " run, " + at + "\n\n"
                + "Machine: " + machine.get("cores") + " cores, " + machine.get("memoryGiB") + " GiB, "
                + machine.get("jdk") + ", " + machine.get("os") + ". Commit: `" + json.get("commit") + "`.\n\n"
                + markdown;
        String body = Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        for (String name : new String[] { settings.label() + "-" + stamp, "latest-" + settings.label() }) {
            Files.writeString(settings.resultsDirectory().resolve(name + ".json"), body);
            Files.writeString(settings.resultsDirectory().resolve(name + ".md"), md);
        }
        return md;
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

    private static String row(Object... cells) {
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
