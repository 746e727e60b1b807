package uk.alluris.marketing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates campaigns the way a client must (with an {@code Idempotency-Key}) and waits for one to finish sending. */
public final class MarketingTestCampaigns {

    public static final String CAMPAIGNS = "/api/marketing/campaigns";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer to a campaign creation: status, the Location header and the body. */
    public record Created(int status, String location, String text) {

        public JsonNode json() {
            return JSON.readTree(text);
        }
    }

    private MarketingTestCampaigns() {
    }

    public static Created create(int port, String token, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CAMPAIGNS))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Created(answer.statusCode(), answer.headers().firstValue("Location").orElse(null), answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates an email campaign for a list and answers it once it is SENT (its progress as GET shows it). */
    public static JsonNode sendAndWait(int port, String token, String list, String subject, String body) {
        Created created = create(port, token, UUID.randomUUID().toString(), """
                {"list":"%s","subject":"%s","body":"%s","channel":"email"}""".formatted(list, subject, body));
        if (created.status() != 202) {
            throw new AssertionError("campaign not accepted: " + created.status() + " " + created.text());
        }
        return awaitSent(port, token, created.json().path("id").asString());
    }

    public static JsonNode awaitSent(int port, String token, String campaignId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode shown = uk.alluris.testsupport.ServiceCalls.onPort(port).get(CAMPAIGNS + "/" + campaignId, token)
                    .json();
            last.set(shown);
            return "SENT".equals(shown.path("status").asString());
        });
        return last.get();
    }
}
