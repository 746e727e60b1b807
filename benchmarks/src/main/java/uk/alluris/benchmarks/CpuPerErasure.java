package uk.alluris.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one erasure costs the platform in CPU time, per process: the idle platform's CPU rate is measured first, then a
 * batch of erasures is filed, verified and waited for (the fan-out, polled twice a second so the harness's own polling
 * costs little; the CPU is read as the last one completes), and each part's CPU time over the batch, less what it burns idle in the same wall time, is divided by
 * the erasures. On a shared, loaded machine this figure holds where rates and latencies do not.
 */
final class CpuPerErasure {

    static final String TOTAL = "total";
    /** After the warm-up, time for its last relays and background rounds to end before the idle rate is read. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    /** Milliseconds of CPU per erasure by part (and {@value #TOTAL}), and the idle rate in ms of CPU per second. */
    record Result(int erasures, Duration wallClock, Map<String, Double> msPerErasure, Map<String, Double> idleMsPerSecond) {
    }

    private final ErasureFanOut fanOut;
    private final PlatformCpu cpu;

    CpuPerErasure(ErasureFanOut fanOut, PlatformCpu cpu) {
        this.fanOut = fanOut;
        this.cpu = cpu;
    }

    /** Warms up on {@code warmUp}, measures {@code idle} of idle, then erases {@code people} and returns the cost. */
    Result run(List<Seeding.Person> warmUp, List<Seeding.Person> people, int concurrency, Supplier<String> officer,
            Duration idle) {
        fanOut.run(warmUp, concurrency, officer, Duration.ofMinutes(10));
        sleep(SETTLE);
        Map<String, Long> idleFrom = cpu.sample();
        long idleStarted = System.nanoTime();
        sleep(idle);
        Map<String, Double> idleRate = perSecond(idleFrom, cpu.sample(), System.nanoTime() - idleStarted);

        Map<String, Long> from = cpu.sample();
        long started = System.nanoTime();
        List<Map<String, Long>> to = new ArrayList<>();
        long[] wallNanos = new long[1];
        // sampled as the last request completes: reading each request's evidence afterwards is not an erasure's cost
        fanOut.run(people, concurrency, officer, Duration.ofMinutes(30), () -> {
            to.add(cpu.sample());
            wallNanos[0] = System.nanoTime() - started;
        });
        return new Result(people.size(), Duration.ofNanos(wallNanos[0]),
                perErasure(from, to.get(0), idleRate, wallNanos[0], people.size()), idleRate);
    }

    static Map<String, Double> perSecond(Map<String, Long> from, Map<String, Long> to, long wallNanos) {
        Map<String, Double> rate = new TreeMap<>();
        to.forEach((part, ms) -> {
            if (from.containsKey(part)) {
                rate.put(part, (ms - from.get(part)) * 1e9 / wallNanos);
            }
        });
        return rate;
    }

    /** (CPU used over the batch − idle rate × the batch's wall time) / erasures, per part, and their total. */
    static Map<String, Double> perErasure(Map<String, Long> from, Map<String, Long> to, Map<String, Double> idleRate,
            long wallNanos, int erasures) {
        Map<String, Double> cost = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Long> part : to.entrySet()) {
            if (!from.containsKey(part.getKey())) {
                continue;
            }
            double idle = idleRate.getOrDefault(part.getKey(), 0.0) * wallNanos / 1e9;
            double ms = (part.getValue() - from.get(part.getKey()) - idle) / erasures;
            cost.put(part.getKey(), ms);
            total += ms;
        }
        cost.put(TOTAL, total);
        return cost;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
