package uk.alluris.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A sample of durations in microseconds, and its percentiles (nearest rank). */
public final class Latencies {

    private final List<Long> micros = new ArrayList<>();

    public synchronized void add(long microseconds) {
        micros.add(microseconds);
    }

    public synchronized void addAll(Collection<Long> microseconds) {
        micros.addAll(microseconds);
    }

    synchronized void copyInto(Latencies other) {
        other.addAll(micros);
    }

    public synchronized int count() {
        return micros.size();
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; NaN for an empty sample. */
    public synchronized double percentileMillis(double p) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(micros);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1000.0;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
