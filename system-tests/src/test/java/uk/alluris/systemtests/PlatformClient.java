package uk.alluris.systemtests;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.alluris.benchmarks.StaffCodes;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceEndpoints;

/** A caller of the running platform: staff or client sign-in through the gateway, then plain HTTP with the token. */
final class PlatformClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Map<String, SignedIn> SIGNED_IN = new ConcurrentHashMap<>();

    private final RunningPlatform platform;
    private final String address = "198.18." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250);

    PlatformClient(RunningPlatform platform) {
        this.platform = platform;
    }

    /**
     * A seeded account's token; the privacy officer and the administrator give their TOTP code too. A token is reused
     * while it has minutes left, as a dashboard would: each code works once, so a new sign-in may wait for a new one.
     */
    String staffToken(String username) {
        SignedIn cached = SIGNED_IN.get(username);
        if (cached != null && cached.expiresAt().isAfter(Instant.now().plusSeconds(180))) {
            return cached.token();
        }
        HttpResponse<String> response = send(platform.gatewayUrl(), "POST", "/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + RunningPlatform.STAFF_PASSWORD + "\"}",
                Optional.empty());
        for (int attempt = 0; attempt < 3 && response.statusCode() == 200
                && ServiceEndpoints.json(response).path("mfaRequired").asBoolean(); attempt++) {
            String challenge = ServiceEndpoints.json(response).path("mfaToken").asString();
            HttpResponse<String> code = send(platform.gatewayUrl(), "POST", "/auth/login/mfa", "{\"mfaToken\":\""
                    + challenge + "\",\"code\":\"" + StaffCodes.next(username, RunningPlatform.STAFF_TOTP_SECRET)
                    + "\"}", Optional.empty());
            response = code.statusCode() == 200 ? code : response;
        }
        if (response.statusCode() != 200 || !ServiceEndpoints.json(response).has("accessToken")) {
            throw new IllegalStateException(username + " could not sign in: " + response.statusCode() + " " + response.body());
        }
        String token = ServiceEndpoints.json(response).path("accessToken").asString();
        SIGNED_IN.put(username, new SignedIn(token,
                Instant.parse(ServiceEndpoints.json(response).path("expiresAt").asString())));
        return token;
    }

    private record SignedIn(String token, Instant expiresAt) {
    }

    String clientToken(String email) {
        send(platform.gatewayUrl(), "POST", "/auth/client/code", "{\"email\":\"" + email + "\"}", Optional.empty());
        HttpResponse<String> response = send(platform.gatewayUrl(), "POST", "/auth/client/token",
                "{\"email\":\"" + email + "\",\"code\":\"" + codeMailedTo(email) + "\"}", Optional.empty());
        return ServiceEndpoints.json(response).path("accessToken").asString();
    }

    String gateway() {
        return platform.gatewayUrl();
    }

    /** A JSON call through the gateway, as the portal or the dashboard makes it. */
    ServiceCalls.Answer call(String method, String path, String json, String token) {
        HttpResponse<String> response = send(platform.gatewayUrl(), method, path, json, Optional.ofNullable(token));
        return new ServiceCalls.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** A JSON call the service takes once per {@code Idempotency-Key} (a campaign): a retry names the same request. */
    ServiceCalls.Answer callOnce(String method, String path, String json, String token, String idempotencyKey) {
        HttpResponse<String> response = send(platform.gatewayUrl(), method, path, json, Optional.ofNullable(token),
                Map.of("Idempotency-Key", idempotencyKey));
        return new ServiceCalls.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    HttpResponse<String> viaGateway(String method, String path, Optional<String> token) {
        return send(platform.gatewayUrl(), method, path, method.equals("GET") ? null : "{}", token);
    }

    HttpResponse<String> send(String base, String method, String path, String json, Optional<String> token) {
        return send(base, method, path, json, token, Map.of());
    }

    HttpResponse<String> send(String base, String method, String path, String json, Optional<String> token,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", address)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET as the dashboard makes it: the session cookie, no Authorization header. */
    HttpResponse<String> withCookie(String url, String sessionToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("X-Forwarded-For", address)
                .header("Cookie", "ALLURIS_SESSION=" + sessionToken).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String codeMailedTo(String email) {
        return codeMailedTo(email, CODE);
    }

    /**
     * The code in the latest mail to {@code email} that has one, as {@code pattern}'s first group finds it: a mail
     * without a code (a request's outcome, a bundle ready) that arrived after it does not hide it.
     */
    String codeMailedTo(String email, Pattern pattern) {
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(email).length > 0);
        MimeMessage[] messages = messagesTo(email);
        for (int i = messages.length - 1; i >= 0; i--) {
            Matcher code = pattern.matcher(GreenMailUtil.getBody(messages[i]).replaceAll("\\s+", " "));
            if (code.find()) {
                return code.group(1);
            }
        }
        throw new IllegalStateException("no code in the mail to the client");
    }

    private MimeMessage[] messagesTo(String email) {
        return Arrays.stream(platform.mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
