package uk.alluris.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to one service (or the gateway) with a bearer token, answering status, content type and body. */
public final class ServiceCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: its status, its Content-Type and its body, parsed when it is JSON. */
    public record Answer(int status, String contentType, String text) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private final String base;

    public ServiceCalls(String base) {
        this.base = base;
    }

    public static ServiceCalls onPort(int port) {
        return new ServiceCalls("http://127.0.0.1:" + port);
    }

    public Answer get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Answer post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    public Answer put(String path, String json, String token) {
        return send("PUT", path, json, token);
    }

    public Answer send(String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
