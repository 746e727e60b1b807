package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.systemtests.FuzzRoutes.Caller;
import uk.alluris.systemtests.MalformedRequests.Malformed;
import uk.alluris.testsupport.EmbeddedInfrastructure;

/**
 * Thousands of malformed requests (issue 18.9), public and staff, through the gateway of the packaged platform, in
 * parallel over one HTTP client: none may get a 5xx, every refusal is an RFC 9457 problem with no null member that
 * never echoes the input, and nothing is stored or mailed. The seed is fixed and printed; change it with
 * {@code -Dalluris.fuzz.seed=N}, the number of requests with {@code -Dalluris.fuzz.requests=N}.
 */
class FuzzSystemTest {

    private static final long SEED = Long.getLong("alluris.fuzz.seed", 18_09L);
    private static final int REQUESTS = Integer.getInteger("alluris.fuzz.requests", 2_400);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Where a person's data is kept, per service: none of these may hold one document more after the fuzzing. */
    private static final Map<String, List<String>> STORES = Map.of(
            "rights-request-service", List.of("privacy_requests"),
            "booking-service", List.of("clients", "appointments", "payments"),
            "records-service", List.of("entries", "subjects"),
            "consent-service", List.of("ledger", "visitor_decisions"),
            "marketing-service", List.of("subscribers", "pending_subscriptions", "leads", "campaigns"),
            "gateway", List.of("staff_accounts"));

    @Test
    void thousandsOfMalformedRequestsGetCleanProblemsNeverA5xxAndStoreNothing() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        Journey journey = new Journey();
        Map<Caller, String> tokens = new EnumMap<>(Map.of(Caller.RECEPTION, journey.reception,
                Caller.CLINICIAN, journey.clinician, Caller.OFFICER, journey.officer, Caller.ADMIN, journey.admin));
        System.out.printf("FuzzSystemTest: seed %d, %d requests (-Dalluris.fuzz.seed / -Dalluris.fuzz.requests)%n",
                SEED, REQUESTS);
        Map<String, Long> storedBefore = stored(platform);
        int mailBefore = platform.mail().getReceivedMessages().length;

        List<Malformed> requests = new MalformedRequests(SEED).take(REQUESTS);
        Queue<String> faults = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        long began = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
            Semaphore inFlight = new Semaphore(12);
            List<CompletableFuture<Void>> answers = new ArrayList<>();
            AtomicInteger address = new AtomicInteger();
            for (Malformed request : requests) {
                inFlight.acquire();
                answers.add(http.sendAsync(build(platform, request, tokens, address.incrementAndGet()),
                                HttpResponse.BodyHandlers.ofString())
                        .handle((answer, failure) -> {
                            inFlight.release();
                            if (failure != null && oversized(request)) {
                                // the gateway answers 413 and closes before reading the rest: a client still sending
                                // may see the connection closed instead of the answer (status -1 below)
                                statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                            } else if (failure != null) {
                                faults.add(request.describe() + " → no answer: " + failure);
                            } else {
                                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                                judge(request, answer).ifPresent(faults::add);
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
        System.out.printf("FuzzSystemTest: %d requests in %d s, answers by status %s%n", REQUESTS,
                (System.nanoTime() - began) / 1_000_000_000, new TreeMap<>(statuses));

        assertThat(faults).as("seed %d: requests answered badly", SEED).isEmpty();
        Map<String, Long> storedAfter = stored(platform);
        storedAfter.forEach((store, count) -> assertThat(count).as("documents in %s", store)
                .isLessThanOrEqualTo(storedBefore.get(store)));
        assertThat(platform.mail().getReceivedMessages()).as("mail sent").hasSize(mailBefore);
    }

    private static HttpRequest build(RunningPlatform platform, Malformed request, Map<Caller, String> tokens, int n) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + request.path()))
                .timeout(Duration.ofSeconds(30))
                // each request from its own address, so the per-address limits meet no fuzzing volume
                .header("X-Forwarded-For", "198.19." + (n / 250 % 250) + "." + (1 + n % 250))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        String token = tokens.get(request.route().caller());
        if (token != null && !request.headers().containsKey("Authorization")) {
            builder.header("Authorization", "Bearer " + token);
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private static boolean oversized(Malformed request) {
        return request.body() != null && request.body().length > 1024 * 1024;
    }

    /** What is wrong with an answer, if anything. */
    private static java.util.Optional<String> judge(Malformed request, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String fault = null;
        String body = answer.body();
        if (status >= 500) {
            fault = "a " + status;
        } else if (withoutInstance(body).contains(MalformedRequests.MARKER)) {
            // RFC 9457's "instance" names the occurrence by the path asked for: the caller's own path, sent back to them
            fault = "the input echoed";
        } else if (status >= 400) {
            fault = problemFault(status, answer.headers().firstValue("Content-Type").orElse(""), body);
        }
        return java.util.Optional.ofNullable(fault).map(f -> request.describe() + " → " + status + " " + f + ": "
                + (body.length() > 300 ? body.substring(0, 300) : body));
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"(\\\\.|[^\"\\\\])*\"", "");
    }

    private static String problemFault(int status, String contentType, String body) {
        if (!contentType.startsWith("application/problem+json")) {
            return "not problem JSON (" + contentType + ")";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "a problem body that is no JSON";
        }
        if (!problem.isObject() || problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
            return "a problem without its status or title";
        }
        return hasNull(problem) ? "a problem with a null member" : null;
    }

    private static boolean hasNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasNull(child)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> stored(RunningPlatform platform) {
        Map<String, Long> counts = new TreeMap<>();
        try (MongoClient mongo = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
            STORES.forEach((service, collections) -> collections.forEach(collection -> counts.put(
                    service + "." + collection, mongo.getDatabase(platform.database(service))
                            .getCollection(collection, Document.class).countDocuments())));
        }
        return counts;
    }
}
