package uk.alluris.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP/1.1 with a bearer token; a status outside 2xx is an error naming the call. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "http");
                thread.setDaemon(true);
                return thread;
            })).build();

    JsonNode get(String url, String token) {
        return JSON.readTree(send("GET", url, null, token).body());
    }

    JsonNode post(String url, String json, String token) {
        return JSON.readTree(send("POST", url, json, token).body());
    }

    /** A GET of a binary body (the access bundle). */
    byte[] bytes(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("GET " + url + " → " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose status is all that matters (the gateway-cost loop). */
    int status(String url, String token) {
        return exchange("GET", url, null, token).statusCode();
    }

    private HttpResponse<String> send(String method, String url, String json, String token) {
        HttpResponse<String> response = exchange(method, url, json, token);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " → " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, String url, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs a seeded member of staff in; the privacy officer and the administrator also give their TOTP code. */
    String staffToken(Target target, String username) {
        JsonNode answer = post(target.gatewayUrl() + "/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + target.staffPassword() + "\"}", null);
        if (!answer.path("mfaRequired").asBoolean()) {
            return answer.path("accessToken").asString();
        }
        String challenge = answer.path("mfaToken").asString();
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> code = exchange("POST", target.gatewayUrl() + "/auth/login/mfa", "{\"mfaToken\":\""
                    + challenge + "\",\"code\":\"" + StaffCodes.next(username, target.staffTotpSecret()) + "\"}", null);
            if (code.statusCode() == 200) {
                return JSON.readTree(code.body()).path("accessToken").asString();
            }
        }
        throw new IllegalStateException(username + " could not sign in with the local TOTP secret");
    }
}
