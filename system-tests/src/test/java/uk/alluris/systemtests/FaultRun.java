package uk.alluris.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * A fault run (issue 18.7): people seeded with the same known data in every data-holding service file erasure and
 * access requests while data services, or the broker, are killed with SIGKILL and started again, one at a time. Afterwards every request must have
 * completed (none lost), each service must have answered it exactly once in its evidence (none doubled), and each
 * receipt must count what the person held, which is what an undisturbed control request of the same kind counted.
 */
final class FaultRun {

    record Kill(String part, int afterRequests) {
    }

    /** {@code settled}: from the moment every request was filed and every killed part was back, until all completed. */
    record Figures(int requests, int erasures, int accesses, List<String> killed, int lost, int doubled,
            int receiptsUnequal, Duration settled, Duration elapsed, List<String> faults) {
    }

    private static final List<String> DATA_SERVICES = List.of("booking-service", "records-service", "consent-service",
            "marketing-service");
    private final RunningPlatform platform = RunningPlatform.get();
    private final Journey journey;

    FaultRun(Journey journey) {
        this.journey = journey;
    }

    Figures run(int requests, List<Kill> kills, Duration completionLimit) throws Exception {
        Instant began = Instant.now();
        List<Journey.Person> people = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            people.add(journey.person("fault" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            all(pool, IntStream.range(0, requests).mapToObj(i -> pool.submit(() ->
                    journey.seed(people.get(i), 14 + i % 45))).toList());
            // the controls: one request of each kind, nothing disturbed; their receipts are what the data was
            Map<String, String> filed = new LinkedHashMap<>();
            filed.put(journey.fileAndVerify("ERASURE", people.get(0)), "ERASURE");
            filed.put(journey.fileAndVerify("ACCESS", people.get(1)), "ACCESS");
            Map<String, JsonNode> control = new LinkedHashMap<>();
            filed.forEach((id, type) -> control.put(type, journey.awaitCompleted(id).path("services")));

            List<String> killed = new ArrayList<>();
            AtomicInteger sent = new AtomicInteger(2);
            List<Future<String>> rest = new ArrayList<>();
            for (int i = 2; i < requests; i++) {
                Journey.Person person = people.get(i);
                String type = i % 2 == 0 ? "ERASURE" : "ACCESS";
                // a person files from their own address: one address filing hundreds would meet the gateway's limit
                Journey filer = new Journey();
                rest.add(pool.submit(() -> {
                    String id = filer.fileAndVerify(type, person);
                    sent.incrementAndGet();
                    return id;
                }));
                submitted.incrementAndGet();
                for (Kill kill : kills) {
                    if (kill.afterRequests() == i) {
                        while (sent.get() < i) {
                            Thread.sleep(50);
                        }
                        // one fault at a time: a restart waits until every part is healthy, and no service is while
                        // the broker is down (its health counts the broker)
                        awaitRestarts();
                        platform.killPart(kill.part());
                        killed.add(kill.part());
                        // the others go on filing while it is down; it comes back after a few more requests
                        startLater(kill.part(), pool);
                    }
                }
            }
            for (int i = 0; i < rest.size(); i++) {
                filed.put(rest.get(i).get(), (i + 2) % 2 == 0 ? "ERASURE" : "ACCESS");
            }
            awaitRestarts();
            return judge(filed, control, killed, completionLimit, began);
        } finally {
            pool.shutdownNow();
        }
    }

    private final List<Thread> restarts = new ArrayList<>();
    private final AtomicInteger submitted = new AtomicInteger();

    private void startLater(String part, ExecutorService pool) {
        int upTo = submitted.get() + 4;
        Thread restart = new Thread(() -> {
            try {
                while (submitted.get() < upTo && !pool.isShutdown()) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            platform.startPart(part);
        }, "restart-" + part);
        restarts.add(restart);
        restart.start();
    }

    private void awaitRestarts() throws InterruptedException {
        for (Thread restart : restarts) {
            restart.join();
        }
    }

    private Figures judge(Map<String, String> filed, Map<String, JsonNode> control, List<String> killed,
            Duration limit, Instant began) {
        List<String> faults = new ArrayList<>();
        int lost = 0;
        int doubled = 0;
        int unequal = 0;
        Instant lastFiled = Instant.now();
        Instant deadline = Instant.now().plus(limit);
        for (Map.Entry<String, String> request : filed.entrySet()) {
            JsonNode done = awaitCompleted(request.getKey(), deadline);
            if (done == null) {
                lost++;
                faults.add(request.getValue() + " " + request.getKey() + " never completed");
                continue;
            }
            for (String service : DATA_SERVICES) {
                List<String> receipt = Journey.categories(done.path("services").path(service));
                List<String> expected = Journey.categories(control.get(request.getValue()).path(service));
                if (!receipt.equals(expected)) {
                    unequal++;
                    faults.add(request.getValue() + " " + request.getKey() + " " + service + " counted " + receipt
                            + ", the data was " + expected);
                }
            }
            long receipts = journey.client.call("GET", "/api/privacy/requests/" + request.getKey() + "/evidence", null,
                    journey.officer).json().findValuesAsString("step").stream().filter("RECEIPT"::equals).count();
            if (receipts != DATA_SERVICES.size()) {
                doubled++;
                faults.add(request.getValue() + " " + request.getKey() + " has " + receipts + " receipts in its evidence");
            }
        }
        int erasures = (int) filed.values().stream().filter("ERASURE"::equals).count();
        return new Figures(filed.size(), erasures, filed.size() - erasures, killed, lost, doubled, unequal,
                Duration.between(lastFiled, Instant.now()), Duration.between(began, Instant.now()), faults);
    }

    private JsonNode awaitCompleted(String id, Instant deadline) {
        while (true) {
            JsonNode request = journey.client.call("GET", "/api/privacy/requests/" + id, null, journey.officer).json();
            if ("COMPLETED".equals(request.path("status").asString())) {
                return request;
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static void all(ExecutorService pool, List<? extends Future<?>> tasks) throws Exception {
        for (Future<?> task : tasks) {
            task.get();
        }
    }
}
