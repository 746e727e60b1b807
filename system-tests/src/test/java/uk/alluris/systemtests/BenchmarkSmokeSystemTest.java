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
                RunningPlatform.STAFF_PASSWORD, RunningPlatform.STAFF_TOTP_SECRET);

        String markdown = new Benchmarks(target, Settings.smoke(results)).run();

        assertThat(markdown).contains("Erasure fan-out", "Kafka floor", "Gateway cost", "Against this round's targets");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(results.resolve("latest-smoke.json")));
        assertThat(json.path("erasureFanOut").path("completed").asInt()).isEqualTo(20);
        assertThat(json.path("erasureFanOut").path("p99Ms").asDouble()).isPositive();
        assertThat(json.path("kafkaFloor").path("roundTrips").asInt()).isEqualTo(50);
        assertThat(json.path("gatewayCost").path("gateway").path("errors").asLong()).isZero();
        assertThat(json.path("gatewayCost").path("direct").path("errors").asLong()).isZero();
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        // the Kafka floor's own topics are gone once it has run: a benchmark leaves nothing on the broker
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(kafka.listTopics().names().get()).noneMatch(topic -> topic.startsWith("bench.")));
        }
    }
}
