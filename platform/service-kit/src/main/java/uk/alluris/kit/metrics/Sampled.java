package uk.alluris.kit.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value read from the store for a gauge, read again at most once per {@code every}: Prometheus may scrape each
 * replica every few seconds, and a gauge read per meter per scrape would multiply one count query by every tag.
 * Gauges that read the store share one sample per scrape this way.
 */
public final class Sampled<T> implements Supplier<T> {

    private final Duration every;
    private final Supplier<T> reading;
    private final LongSupplier nanos;
    private T value;
    private long readAt;
    private boolean read;

    Sampled(Duration every, Supplier<T> reading, LongSupplier nanos) {
        this.every = every;
        this.reading = reading;
        this.nanos = nanos;
    }

    public static <T> Sampled<T> every(Duration every, Supplier<T> reading) {
        return new Sampled<>(every, reading, System::nanoTime);
    }

    @Override
    public synchronized T get() {
        long now = nanos.getAsLong();
        if (!read || now - readAt >= every.toNanos()) {
            value = reading.get();
            readAt = now;
            read = true;
        }
        return value;
    }
}
