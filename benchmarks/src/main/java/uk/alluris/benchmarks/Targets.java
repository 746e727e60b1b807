package uk.alluris.benchmarks;

import java.util.List;
import java.util.Map;

/** This round's targets (issue 19) and where a run's headline figures stand against them. */
final class Targets {

    static final List<String> HEADLINE_KEYS = List.of("erasuresPerSecond", "erasuresPerSecondAt5000",
            "closedLoopP50Ms", "closedLoopP99Ms", "gatewayVsNginx", "accessBundleWorstMs", "platformRssMiB");

    static final double ERASURES_PER_SECOND = 100;
    /** Within 25 % of the 1,000-person figure's target with 5,000 people. */
    static final double ERASURES_PER_SECOND_AT_5000 = 75;
    static final double CLOSED_LOOP_P50_MS = 150;
    static final double CLOSED_LOOP_P99_MS = 500;
    static final double GATEWAY_THROUGHPUT_VS_NGINX = 0.75;
    static final double GATEWAY_P99_VS_NGINX = 1.5;
    static final double ACCESS_BUNDLE_MS = 1000;
    static final double PLATFORM_RSS_MIB = 2048;

    private Targets() {
    }

    /** The Markdown table: each target, the figure measured (or "not measured") and whether it is met. */
    static String table(Map<String, Object> json) {
        StringBuilder table = new StringBuilder("\n## Against the targets\n\n| target | measured | met |\n|---|---|---|\n");
        atLeast(table, "≥ 100 erasures/s with 1,000 people", json.get("erasuresPerSecond"), ERASURES_PER_SECOND, "/s");
        atLeast(table, "≥ 75 erasures/s with 5,000 people", json.get("erasuresPerSecondAt5000"),
                ERASURES_PER_SECOND_AT_5000, "/s");
        atMost(table, "closed loop p50 ≤ 150 ms (worse of C=1 and C=8)", json.get("closedLoopP50Ms"),
                CLOSED_LOOP_P50_MS, " ms");
        atMost(table, "closed loop p99 ≤ 500 ms (worse of C=1 and C=8)", json.get("closedLoopP99Ms"),
                CLOSED_LOOP_P99_MS, " ms");
        Object gateway = json.get("gatewayVsNginx");
        atLeast(table, "gateway throughput ≥ 0.75 × nginx's", gateway instanceof Map<?, ?> g ? g.get("throughput") : null,
                GATEWAY_THROUGHPUT_VS_NGINX, "×");
        atMost(table, "gateway p99 ≤ 1.5 × nginx's", gateway instanceof Map<?, ?> g ? g.get("p99") : null,
                GATEWAY_P99_VS_NGINX, "×");
        atMost(table, "access bundle ≤ 1 s (worst, ready + download)", json.get("accessBundleWorstMs"), ACCESS_BUNDLE_MS,
                " ms");
        atMost(table, "platform RSS ≤ 2 GiB after the benchmark", json.get("platformRssMiB"), PLATFORM_RSS_MIB, " MiB");
        return table.toString();
    }

    private static void atLeast(StringBuilder table, String target, Object measured, double limit, String unit) {
        judge(table, target, measured, unit, measured instanceof Double d && d >= limit);
    }

    private static void atMost(StringBuilder table, String target, Object measured, double limit, String unit) {
        judge(table, target, measured, unit, measured instanceof Double d && d <= limit);
    }

    private static void judge(StringBuilder table, String target, Object measured, String unit, boolean met) {
        if (measured instanceof Double d && !d.isNaN()) {
            String figure = unit.equals("×") ? String.format(java.util.Locale.ROOT, "%.2f×", d) : Report.fmt(d) + unit;
            table.append(Report.row(target, figure, met ? "yes" : "no"));
        } else {
            table.append(Report.row(target, "not measured", "—"));
        }
    }
}
