package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** A W3C traceparent sent to the gateway reaches the service behind it and shows in that service's log. */
class TracePropagationSystemTest {

    @Test
    void theCallersTraceIdFollowsTheRequestIntoTheServicesLog() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        String token = new PlatformClient(platform).staffToken("reception@alluris.local");
        String traceId = random(16);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/bookings/appointments/00000000-0000-0000-0000-00000000face"))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-" + random(8) + "-01")
                .GET().build();

        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log("booking-service"))
                .anySatisfy(line -> assertThat(line).contains(traceId).contains("/api/bookings/appointments/00000000-0000-0000-0000-00000000face")));
    }

    private static java.util.List<String> log(String service) {
        try {
            return Files.readAllLines(Path.of("target", "platform-logs", service + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
