package uk.alluris.gateway.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.ChunkedUpload;
import uk.alluris.gateway.GatewayBeforeUnreachableServices;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.testsupport.ServiceEndpoints;

/**
 * Calls made with the dashboard's session cookie alone need a trusted Origin or the double-submit token; the
 * services are unreachable here, so a call the front door lets through meets the 503 fallback instead of a 403.
 * Also: every problem the gateway writes itself has no null members.
 */
@GatewayBeforeUnreachableServices
class SessionCookieCsrfIntegrationTest {

    private static final String NEW_CLIENT = "{\"fullName\":\"Ada\",\"email\":\"ada@example.com\"}";

    @LocalServerPort
    int port;

    private GatewayCalls calls() {
        return new GatewayCalls(port, "192.0.2.70");
    }

    private HttpResponse<String> post(String path, String... headers) {
        HttpRequest.Builder request = calls().request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NEW_CLIENT));
        return calls().send(headers.length == 0 ? request : request.headers(headers));
    }

    @Test
    void aCookieOnlyCallWithNeitherTokenNorOriginIsA403Problem() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            HttpResponse<String> forged = calls().send(calls().request("/api/bookings/clients")
                    .header("Cookie", "ALLURIS_SESSION=stolen-by-the-browser").header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(NEW_CLIENT)));

            assertThat(forged.statusCode()).as(method).isEqualTo(403);
            assertThat(forged.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(forged.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(ServiceEndpoints.json(forged).path("detail").asString()).contains("X-XSRF-TOKEN");
        }
    }

    @Test
    void aCookieCallFromATrustedOriginPasses() {
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "Origin", "https://portal.alluris.example")
                .statusCode()).isEqualTo(503);
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "Origin", "https://gateway.alluris.example")
                .statusCode()).isEqualTo(503);
    }

    @Test
    void aCookieCallFromAnotherOriginIsRefused() {
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "Origin", "https://evil.example")
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "Origin", "null").statusCode())
                .isEqualTo(403);
    }

    @Test
    void theDoubleSubmitTokenLetsACookieCallThroughAndAWrongOneDoesNot() {
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s; XSRF-TOKEN=4f1e2d", "X-XSRF-TOKEN", "4f1e2d")
                .statusCode()).isEqualTo(503);
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s; XSRF-TOKEN=4f1e2d", "X-XSRF-TOKEN", "guessed")
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "X-XSRF-TOKEN", "4f1e2d").statusCode())
                .isEqualTo(403);
    }

    @Test
    void bearerCallsAnonymousCallsWebhooksAndSignInNeedNoToken() {
        assertThat(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s", "Authorization", "Bearer t").statusCode())
                .isEqualTo(503);
        assertThat(post("/api/bookings/clients").statusCode()).isEqualTo(503);
        assertThat(post("/api/privacy/requests").statusCode()).isEqualTo(503);
        assertThat(post("/webhooks/leads/acme", "Cookie", "ALLURIS_SESSION=s").statusCode()).isEqualTo(503);
        assertThat(post("/auth/client/token", "Cookie", "ALLURIS_SESSION=s").statusCode()).isEqualTo(400);
        assertThat(calls().get("/api/bookings/clients/1").statusCode()).isEqualTo(503);
    }

    @Test
    void aBrowserWithTheSessionCookieIsHandedTheTokenCookieOthersAreNot() {
        HttpResponse<String> withSession = calls().send(calls().request("/.well-known/jwks.json")
                .header("Cookie", "ALLURIS_SESSION=s").GET());
        HttpResponse<String> without = calls().get("/.well-known/jwks.json");

        assertThat(withSession.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").contains("SameSite=Strict").doesNotContain("HttpOnly"));
        assertThat(without.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    }

    @Test
    void theGatewaysOwnProblemsHaveNoNullMembers() {
        GatewayCalls calls = new GatewayCalls(port, "192.0.2.71");
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(calls.post("/%61uth/client/token", "{}"));
        answers.add(calls.post("/auth/client/code", "{\"email\":\"\"}"));
        answers.add(calls.post("/auth/client/code", "{not json"));
        answers.add(calls.post("/auth/client/token", "{\"email\":\"a@example.com\",\"code\":\"123456\"}"));
        answers.add(post("/api/bookings/clients", "Cookie", "ALLURIS_SESSION=s"));
        answers.add(calls.post("/api/privacy/requests", "x".repeat(20_000)));
        for (int i = 0; i < 20; i++) {
            answers.add(calls.post("/auth/client/token", "{\"email\":\"a@example.com\",\"code\":\"123456\"}"));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).contains(400, 401, 403, 413, 429);
        for (HttpResponse<String> answer : answers) {
            JsonNode problem = ServiceEndpoints.json(answer);
            assertThat(problem.path("title").isString()).as(answer.body()).isTrue();
            assertThat(problem.path("status").asInt()).isEqualTo(answer.statusCode());
            assertThat(nullMembers(problem)).as(answer.body()).isEmpty();
        }
        ChunkedUpload.Answer chunked = ChunkedUpload.post(port, "/webhooks/payments", "192.0.2.72", 1024 * 1024);
        assertThat(chunked.body()).doesNotContain("null");
    }

    private static Optional<String> nullMembers(JsonNode node) {
        return node.properties().stream().filter(member -> member.getValue().isNull()
                || member.getValue().isObject() && nullMembers(member.getValue()).isPresent()).map(m -> m.getKey()).findFirst();
    }
}
