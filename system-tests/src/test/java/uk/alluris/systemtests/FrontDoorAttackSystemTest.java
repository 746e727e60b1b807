package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's front door, attacked through the packaged platform: each test is the attack, and each would have
 * succeeded before the front door was hardened (issue 12, items 3, 5 and 6).
 */
class FrontDoorAttackSystemTest {

    static final List<String> SERVICES = RunningPlatform.SERVICES;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ExecutorService ATTACKERS = Executors.newFixedThreadPool(12);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String WRONG_CODE = "{\"email\":\"victim@example.com\",\"code\":\"000000\"}";
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @AfterAll
    static void stopAttackers() {
        ATTACKERS.shutdownNow();
    }

    @Test
    void spellingTheClientCodeRouteDifferentlyDoesNotEscapeItsRateLimit() {
        String attacker = "198.19.1.1";
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> encoded = send(attacker, post("/%61uth/client/token", WRONG_CODE));
            assertThat(encoded.statusCode()).isEqualTo(400);
            assertThat(encoded.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
        for (int i = 0; i < 20; i++) {
            assertThat(send(attacker, post("/auth/client/token", WRONG_CODE)).statusCode()).isEqualTo(401);
        }

        for (String spelling : List.of("/auth/client/token", "/%61uth/client/token", "/auth/%63lient/token",
                "//auth/client/token", "/./auth/client/token", "/auth/x/../client/token", "/auth/client/token;x=1",
                "/auth;x=1/client/token", "/AUTH/client/token", "/auth/client/token/")) {
            assertThat(send(attacker, post(spelling, WRONG_CODE)).statusCode()).as(spelling).isIn(400, 429);
        }
        assertThat(send(attacker, post("/auth/client/token", WRONG_CODE)).statusCode()).isEqualTo(429);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/webhooks/leads/acme", "/webhooks/payments", "/webhooks/meta/leads",
            "/api/bookings/clients", "/api/privacy/requests" })
    void anEndlessChunkedBodyIsRefusedWith413BeforeItEnds(String path) {
        Chunked answer = chunkedPost(path, "198.19.2.1", 256L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.wholeBodySent()).isFalse();
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("referrer-policy: no-referrer");
    }

    @Test
    void aChunkedBodyWithinTheLimitStillReachesTheService() {
        HttpResponse<String> filed = send("198.19.2.2", HttpRequest.newBuilder(uri("/api/privacy/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"ERASURE\",\"email\":\"chunked-" + UUID.randomUUID() + "@example.com\"}"))));

        assertThat(filed.statusCode()).isEqualTo(202);
    }

    @Test
    void anIpv6CallerRotatingAddressesInsideItsSlash64SharesOneBucket() {
        for (int i = 1; i <= 20; i++) {
            assertThat(send("2001:db8:77:1::" + Integer.toHexString(i), post("/auth/client/token", WRONG_CODE))
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> rotated = send("2001:db8:77:1:abcd:ef01:2345:6789", post("/auth/client/token", WRONG_CODE));

        assertThat(rotated.statusCode()).isEqualTo(429);
        assertThat(rotated.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(send("2001:db8:77:2::1", post("/auth/client/token", WRONG_CODE)).statusCode()).isEqualTo(401);
        assertThat(send("198.19.3.1", post("/auth/client/token", WRONG_CODE)).statusCode()).isEqualTo(401);
    }

    @Test
    void twelveParallelWrongCodesSpendTwelveTriesAndTheRightCodeIsThenDead() {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        send("198.19.4.1", post("/auth/client/code", "{\"email\":\"" + email + "\"}"));
        String code = new PlatformClient(platform).codeMailedTo(email, CODE);
        String wrong = "{\"email\":\"" + email + "\",\"code\":\"" + (code.equals("000000") ? "111111" : "000000") + "\"}";

        List<Integer> answers = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> send("198.19.4.2", post("/auth/client/token", wrong)).statusCode(), ATTACKERS))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(answers).hasSize(12).containsOnly(401);
        assertThat(send("198.19.4.3", post("/auth/client/token", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void aForgedCookieOnlyPostIsRefusedAndTheDashboardsOwnPasses() {
        HttpResponse<String> login = send("198.19.5.1", post("/auth/login",
                "{\"username\":\"reception@alluris.local\",\"password\":\"" + RunningPlatform.STAFF_PASSWORD + "\"}"));
        String session = cookie(login, "ALLURIS_SESSION");
        String xsrf = cookie(login, "XSRF-TOKEN");
        String cookies = "ALLURIS_SESSION=" + session + "; XSRF-TOKEN=" + xsrf;

        HttpResponse<String> forged = send("198.19.5.1", newClient().header("Cookie", cookies));
        HttpResponse<String> withToken = send("198.19.5.1", newClient().header("Cookie", cookies).header("X-XSRF-TOKEN", xsrf));
        HttpResponse<String> sameOrigin = send("198.19.5.1", newClient().header("Cookie", "ALLURIS_SESSION=" + session)
                .header("Origin", platform.gatewayUrl()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(withToken.statusCode()).isEqualTo(201);
        assertThat(sameOrigin.statusCode()).isEqualTo(201);
    }

    @Test
    void everyAnswerCarriesReferrerPolicyEvenA404AndA429() {
        HttpResponse<String> missing = send("198.19.6.1", HttpRequest.newBuilder(uri("/api/nothing-here")).GET());
        HttpResponse<String> limited = null;
        for (int i = 0; i < 21; i++) {
            limited = send("198.19.6.2", post("/auth/client/token", WRONG_CODE));
        }

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theHealthOfAServiceTellsTheWorldOnlyThatItIsUp(String service) {
        HttpResponse<String> health = send("198.19.7.1",
                HttpRequest.newBuilder(uri("/services/" + service + "/health")).GET());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static HttpRequest.Builder newClient() {
        return post("/api/bookings/clients", "{\"fullName\":\"Csrf Target\",\"email\":\"csrf-" + UUID.randomUUID()
                + "@example.com\",\"dateOfBirth\":\"1990-01-01\"}");
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static URI uri(String path) {
        return URI.create(platform.gatewayUrl() + path);
    }

    private static HttpResponse<String> send(String clientAddress, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", clientAddress).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    record Chunked(int status, String head, boolean wholeBodySent) {
    }

    /** A body streamed in 8 KiB chunks with no length, on a raw socket, while the answer is read at the same time. */
    private static Chunked chunkedPost(String path, String clientAddress, long totalBytes) {
        URI gateway = URI.create(platform.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + gateway.getAuthority() + "\r\nContent-Type: application/json"
                    + "\r\nTransfer-Encoding: chunked\r\nX-Forwarded-For: " + clientAddress + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicBoolean answered = new AtomicBoolean();
            CompletableFuture<Boolean> writing = CompletableFuture.supplyAsync(() -> {
                byte[] chunk = ("2000\r\n" + "x".repeat(8192) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent < totalBytes && !answered.get(); sent += 8192) {
                        out.write(chunk);
                    }
                    if (answered.get()) {
                        return false;
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return true;
                } catch (IOException closed) {
                    return false;
                }
            });
            String head = head(socket.getInputStream());
            answered.set(true);
            socket.close();
            return new Chunked(Integer.parseInt(head.substring(9, 12)), head, writing.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) != -1) {
            head.write(next);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
