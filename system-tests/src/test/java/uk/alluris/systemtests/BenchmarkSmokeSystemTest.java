package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.benchmarks.Benchmarks;
import uk.alluris.benchmarks.Settings;
import uk.alluris.benchmarks.Target;

/** A tiny benchmark run, so the harness keeps working as the platform changes. It checks figures exist, never their size. */
class BenchmarkSmokeSystemTest {

    @Test
    void theBenchmarkHarnessSeedsErasesAndReportsEveryFigure(@TempDir Path results) throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        Target target = new Target(platform.gatewayUrl(), platform.serviceUrl("rights-request-service"),
                platform.serviceUrl("booking-service"), platform.kafkaBootstrapServers(),
                RunningPlatform.STAFF_PASSWORD, RunningPlatform.STAFF_TOTP_SECRET, platform.processIds());

        String markdown = new Benchmarks(target, Settings.smoke(results)).run();

        assertThat(markdown).contains("Erasure fan-out", "Kafka floor", "Closed loop", "Front door", "Access bundle",
                "Against the targets");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(results.resolve("latest-smoke.json")));
        assertThat(json.path("erasureFanOut").path("completed").asInt()).isEqualTo(20);
        assertThat(json.path("erasuresPerSecond").asDouble()).isPositive();
        assertThat(json.path("kafkaFloor").path("roundTrips").asInt()).isEqualTo(50);
        // both closed-loop concurrencies ran their fixed number of requests; the headline takes the worse
        assertThat(json.path("closedLoop").path("1").path("requests").asInt()).isEqualTo(4);
        assertThat(json.path("closedLoop").path("8").path("requests").asInt()).isEqualTo(4);
        assertThat(json.path("closedLoopP99Ms").asDouble()).isGreaterThanOrEqualTo(
                json.path("closedLoop").path("8").path("p99Ms").asDouble()).isPositive();
        assertThat(json.path("accessBundleWorstMs").asDouble()).isPositive();
        assertThat(json.path("platformRssMiB").asDouble()).isPositive();
        // the smoke run skips the second fan-out and says so, rather than leaving the key out
        assertThat(json.has("erasuresPerSecondAt5000")).isTrue();
        assertThat(json.path("notMeasured").path("erasuresPerSecondAt5000").asString()).contains("skipped");
        // each front-door route wrk could drive answered every call; a missing tool is named, never silent
        json.path("frontDoor").properties().forEach(route ->
                assertThat(route.getValue().path("errors").asLong()).as(route.getKey()).isZero());
        if (json.path("frontDoor").has("through nginx")) {
            assertThat(json.path("gatewayVsNginx").path("throughput").asDouble()).isPositive();
        } else {
            assertThat(json.path("notMeasured").toString()).contains("is not installed");
        }
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        // the Kafka floor's own topics are gone once it has run: a benchmark leaves nothing on the broker
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(kafka.listTopics().names().get()).noneMatch(topic -> topic.startsWith("bench.")));
        }
    }
}
