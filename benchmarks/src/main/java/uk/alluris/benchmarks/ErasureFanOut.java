package uk.alluris.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Erasure requests at concurrency C: each is filed, verified through the staff path (the privacy officer's identity
 * check through the gateway), and timed from verification to COMPLETED — every receipt in — by the rights-request
 * service's own clock (the VERIFIED step of its evidence trail and its {@code completedAt}).
 */
final class ErasureFanOut {

    record Result(Latencies latencies, double requestsPerSecond, int completed, Duration wallClock) {
    }

    private final Http http;
    private final Target target;

    ErasureFanOut(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Files every request first (untimed), then verifies them all at concurrency C: the fan-out is what is timed. */
    Result run(List<Seeding.Person> people, int concurrency, Supplier<String> officer, Duration patience) {
        return run(people, concurrency, officer, patience, () -> { });
    }

    /** As above; {@code whenCompleted} runs once every request is COMPLETED, before their spans are read. */
    Result run(List<Seeding.Person> people, int concurrency, Supplier<String> officer, Duration patience,
            Runnable whenCompleted) {
        List<String> ids = Parallel.run(people.size(), concurrency, i -> http.post(
                target.rightsUrl() + "/api/privacy/requests", """
                        {"type":"ERASURE","email":"%s","phone":"%s"}
                        """.formatted(people.get(i).email(), people.get(i).phone()), null).path("id").asString());
        Instant started = Instant.now();
        Parallel.run(ids.size(), concurrency, i -> http.post(target.gatewayUrl() + "/api/privacy/requests/" + ids.get(i)
                + "/identity-verified", "{\"note\":\"benchmark: identity checked by the privacy officer\"}", officer.get()));
        Instant deadline = Instant.now().plus(patience);
        while (!http.get(target.gatewayUrl() + "/api/privacy/requests?status=IN_PROGRESS", officer.get()).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("requests still in progress after " + patience);
            }
            sleep(500);
        }
        Duration wall = Duration.between(started, Instant.now());
        whenCompleted.run();
        Latencies latencies = new Latencies();
        List<Instant[]> spans = Parallel.run(ids.size(), concurrency, i -> span(ids.get(i), officer.get()));
        Instant first = null;
        Instant last = null;
        for (Instant[] span : spans) {
            latencies.add(Duration.between(span[0], span[1]).toNanos() / 1000);
            first = first == null || span[0].isBefore(first) ? span[0] : first;
            last = last == null || span[1].isAfter(last) ? span[1] : last;
        }
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        return new Result(latencies, ids.size() / seconds, ids.size(), wall);
    }

    /** [verified, completed] of one request, from the service's records. */
    private Instant[] span(String id, String officer) {
        JsonNode detail = http.get(target.gatewayUrl() + "/api/privacy/requests/" + id, officer);
        if (!"COMPLETED".equals(detail.path("status").asString())) {
            throw new IllegalStateException("request " + id + " is " + detail.path("status").asString());
        }
        Instant verified = null;
        for (JsonNode step : http.get(target.gatewayUrl() + "/api/privacy/requests/" + id + "/evidence", officer)) {
            if ("VERIFIED".equals(step.path("step").asString())) {
                verified = Instant.parse(step.path("at").asString());
            }
        }
        return new Instant[] { verified, Instant.parse(detail.path("completedAt").asString()) };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
