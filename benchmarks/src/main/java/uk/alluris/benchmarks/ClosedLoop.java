package uk.alluris.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Latency, not bursts: C callers each file an erasure, have it verified, wait until every receipt is in, and only then
 * file the next, until the run's fixed number of requests is done. Each request is timed from its VERIFIED step to its
 * {@code completedAt}, both by the rights-request service's own clock, so polling for completion adds nothing.
 */
final class ClosedLoop {

    private final Http http;
    private final Target target;

    ClosedLoop(Http http, Target target) {
        this.http = http;
        this.target = target;
    }

    /** Erases {@code people} (as many as requests) at a closed-loop concurrency of {@code concurrency}. */
    Latencies run(List<Seeding.Person> people, int concurrency, String officer, Duration patiencePerRequest) {
        AtomicInteger next = new AtomicInteger();
        Latencies latencies = new Latencies();
        Parallel.run(concurrency, concurrency, caller -> {
            List<Long> mine = new ArrayList<>();
            for (int i = next.getAndIncrement(); i < people.size(); i = next.getAndIncrement()) {
                mine.add(eraseAndWait(people.get(i), officer, patiencePerRequest));
            }
            latencies.addAll(mine);
            return mine.size();
        });
        return latencies;
    }

    /** One request, verification → COMPLETED, in microseconds. */
    private long eraseAndWait(Seeding.Person person, String officer, Duration patience) {
        String id = http.post(target.rightsUrl() + "/api/privacy/requests", """
                {"type":"ERASURE","email":"%s","phone":"%s"}
                """.formatted(person.email(), person.phone()), null).path("id").asString();
        String url = target.gatewayUrl() + "/api/privacy/requests/" + id;
        http.post(url + "/identity-verified", "{\"note\":\"benchmark: identity checked by the privacy officer\"}",
                officer);
        Instant deadline = Instant.now().plus(patience);
        JsonNode detail = http.get(url, officer);
        while (!"COMPLETED".equals(detail.path("status").asString())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("request " + id + " not completed after " + patience + ": " + detail);
            }
            pause();
            detail = http.get(url, officer);
        }
        Instant verified = null;
        for (JsonNode step : http.get(url + "/evidence", officer)) {
            if ("VERIFIED".equals(step.path("step").asString())) {
                verified = Instant.parse(step.path("at").asString());
            }
        }
        if (verified == null) {
            throw new IllegalStateException("request " + id + " has no VERIFIED step");
        }
        return Duration.between(verified, Instant.parse(detail.path("completedAt").asString())).toNanos() / 1000;
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
