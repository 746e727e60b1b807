package uk.alluris.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the front door costs: the same authenticated GET (a client profile, as reception) straight to booking and
 * through the gateway, at a fixed concurrency, alternating phases of equal length.
 */
final class GatewayCost {

    record Phase(String route, long requests, long errors, double seconds, Latencies latencies) {

        double throughput() {
            return requests / seconds;
        }
    }

    record Result(Phase direct, Phase gateway) {

        double throughputRatio() {
            return gateway.throughput() / direct.throughput();
        }

        double p99Ratio() {
            return gateway.latencies().percentileMillis(99) / direct.latencies().percentileMillis(99);
        }
    }

    private final Http http;
    private final Target target;

    GatewayCost(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Direct, gateway, direct, gateway: two phases of {@code phase / 2} each, summed per route. */
    Result run(String clientId, String token, Duration phase, int concurrency) {
        String path = "/api/bookings/clients/" + clientId;
        measure(target.bookingUrl() + path, token, Duration.ofSeconds(2), concurrency, "warm-up");
        measure(target.gatewayUrl() + path, token, Duration.ofSeconds(2), concurrency, "warm-up");
        Duration half = phase.dividedBy(2);
        Phase direct1 = measure(target.bookingUrl() + path, token, half, concurrency, "direct");
        Phase gateway1 = measure(target.gatewayUrl() + path, token, half, concurrency, "gateway");
        Phase direct2 = measure(target.bookingUrl() + path, token, half, concurrency, "direct");
        Phase gateway2 = measure(target.gatewayUrl() + path, token, half, concurrency, "gateway");
        return new Result(merge(direct1, direct2), merge(gateway1, gateway2));
    }

    private Phase measure(String url, String token, Duration length, int concurrency, String route) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status = http.status(url, token);
                    mine.add((System.nanoTime() - t0) / 1000);
                    requests.incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
                latencies.addAll(mine);
            }));
        }
        for (Future<?> worker : workers) {
            try {
                worker.get();
            } catch (Exception e) {
                throw new IllegalStateException("gateway-cost worker failed", e);
            }
        }
        pool.shutdownNow();
        return new Phase(route, requests.get(), errors.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private static Phase merge(Phase a, Phase b) {
        return new Phase(a.route(), a.requests() + b.requests(), a.errors() + b.errors(), a.seconds() + b.seconds(),
                combined(a.latencies(), b.latencies()));
    }

    private static Latencies combined(Latencies a, Latencies b) {
        Latencies both = new Latencies();
        a.copyInto(both);
        b.copyInto(both);
        return both;
    }
}
