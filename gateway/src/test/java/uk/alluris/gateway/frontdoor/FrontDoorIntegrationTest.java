package uk.alluris.gateway.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.front-door.trusted-proxies=127.0.0.1",
        "alluris.front-door.portal-origin=https://portal.alluris.example",
        "alluris.front-door.max-body=16KB" })
@UsesEmbeddedInfrastructure
class FrontDoorIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void signInIsRateLimitedPerClientAddressWithRetryAfter() {
        GatewayCalls attacker = new GatewayCalls(port, "192.0.2.10");
        for (int i = 0; i < 20; i++) {
            assertThat(attacker.post("/auth/login", guess("nobody-" + i)).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> limited = attacker.post("/auth/login", guess("nobody-20"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new GatewayCalls(port, "192.0.2.11").post("/auth/login", guess("nobody-21")).statusCode())
                .isEqualTo(401);
    }

    private static String guess(String user) {
        return "{\"username\":\"" + user + "@alluris.local\",\"password\":\"guess\"}";
    }

    @Test
    void anUntrustedPeerCannotPickItsOwnAddress() {
        MockServerWebExchange forged = MockServerWebExchange.from(MockServerHttpRequest.post("/auth/login")
                .remoteAddress(new InetSocketAddress("192.0.2.50", 4000)).header("X-Forwarded-For", "10.9.9.9"));

        assertThat(ClientAddress.of(forged, List.of("127.0.0.1"))).isEqualTo("192.0.2.50");
    }

    @Test
    void anOversizedBodyIsA413Problem() {
        HttpResponse<String> response = new GatewayCalls(port, "192.0.2.20")
                .post("/api/privacy/requests", "{\"details\":\"" + "x".repeat(20_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        HttpResponse<String> response = new GatewayCalls(port, "192.0.2.30").get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                v -> assertThat(v).contains("frame-ancestors 'none'"));
    }

    @Test
    void onlyThePortalOriginMayCallCrossOrigin() {
        GatewayCalls calls = new GatewayCalls(port, "192.0.2.40");
        HttpResponse<String> portal = calls.send(preflight(calls, "https://portal.alluris.example"));
        HttpResponse<String> stranger = calls.send(preflight(calls, "https://evil.example"));

        assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).contains("https://portal.alluris.example");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpRequest.Builder preflight(GatewayCalls calls, String origin) {
        return calls.request("/auth/login").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST");
    }
}
