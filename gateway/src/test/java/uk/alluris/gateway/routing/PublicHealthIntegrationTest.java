package uk.alluris.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The public health of a service says UP or DOWN and nothing more, whatever the service itself tells. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alluris.gateway.services.consent-service.uri=http://127.0.0.1:9")
@UsesEmbeddedInfrastructure
class PublicHealthIntegrationTest {

    static final String DETAILED_UP = """
            {"status":"UP","components":{"mongo":{"status":"UP","details":{"database":"booking","version":"1.47.0"}},
             "diskSpace":{"status":"UP","details":{"total":1000,"free":10,"path":"/srv/alluris"}}}}""";
    static final String DETAILED_DOWN = """
            {"status":"DOWN","components":{"kafka":{"status":"DOWN","details":{"error":"TimeoutException: broker-1:9092"}}}}""";
    static final String API_DOCUMENT = "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Alluris booking-service\"}}";
    private static final AtomicInteger FAILING_CALLS = new AtomicInteger();
    private static final HttpServer HEALTHY = service(200, DETAILED_UP);
    private static final HttpServer UNHEALTHY = service(503, DETAILED_DOWN);

    @LocalServerPort
    int port;

    @Autowired
    GatewayRoutes routes;

    /** A stand-in service whose actuator health tells everything, as a service's own does. */
    private static HttpServer service(int status, String health) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actuator/health", exchange -> {
                if (status >= 500) {
                    FAILING_CALLS.incrementAndGet();
                }
                answer(exchange, status, health);
            });
            server.createContext("/v3/api-docs", exchange -> answer(exchange, 200, API_DOCUMENT));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("alluris.gateway.services.booking-service.uri",
                () -> "http://127.0.0.1:" + HEALTHY.getAddress().getPort());
        registry.add("alluris.gateway.services.records-service.uri",
                () -> "http://127.0.0.1:" + UNHEALTHY.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        HEALTHY.stop(0);
        UNHEALTHY.stop(0);
    }

    @Test
    void aHealthyServiceIsJustUp() {
        HttpResponse<String> health = ServiceEndpoints.get("http://127.0.0.1:" + port + "/services/booking-service/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void theGatewaysOwnHealthOnThePublicPortIsExactlyItsStatusAndNamesNoComponentOrVersion() {
        HttpResponse<String> health = ServiceEndpoints.get("http://127.0.0.1:" + port + "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theGatewaysProbesOnThePublicPortSayOnlyWhetherItIsLiveAndReady() {
        // readiness counts the gateway's store and broker, and says no more than whether it is ready
        for (String probe : new String[] { "/livez", "/readyz" }) {
            HttpResponse<String> answer = ServiceEndpoints.get("http://127.0.0.1:" + port + probe);

            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void theGatewayServesEachServicesApiDocumentInOnePlace() {
        HttpResponse<String> document = ServiceEndpoints.get("http://127.0.0.1:" + port + "/api-docs/booking-service");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(API_DOCUMENT);
    }

    @Test
    void theApiViewerPageIsServedUnderTheContentSecurityPolicyWithNoInlineScriptOrStyle() {
        HttpResponse<String> page = ServiceEndpoints.get("http://127.0.0.1:" + port + "/api-docs/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self';", "style-src 'self';"));
        assertThat(page.body()).contains("src=\"./swagger-ui-bundle.js\"", "src=\"./swagger-initializer.js\"")
                .doesNotContain("<style", "style=").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
    }

    @Test
    void theApiViewersOwnScriptsAndStylesComeFromTheGatewayItself() {
        for (String file : new String[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css",
                "index.css" }) {
            HttpResponse<String> served = ServiceEndpoints.get("http://127.0.0.1:" + port + "/api-docs/" + file);

            assertThat(served.statusCode()).as(file).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Security-Policy")).as(file).isPresent();
        }
        HttpResponse<String> bare = ServiceEndpoints.get("http://127.0.0.1:" + port + "/api-docs");
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/api-docs/");
    }

    @Test
    void theApiViewersInitializerIsOursAndNamesEveryServiceDocument() {
        HttpResponse<String> initializer = ServiceEndpoints.get(
                "http://127.0.0.1:" + port + "/api-docs/swagger-initializer.js");

        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.headers().firstValue("Content-Security-Policy")).isPresent();
        // the webjar's own initializer points at a demo document elsewhere; ours stays on the platform
        assertThat(initializer.body()).doesNotContain("petstore").contains("validatorUrl: null");
        routes.services().forEach((name, service) -> {
            if (service.paths().stream().anyMatch(path -> path.startsWith("/api/"))) {
                assertThat(initializer.body()).contains("url: \"/api-docs/" + name + "\"");
            }
        });
    }

    @Test
    void anUnhealthyServiceIsJustDown() {
        HttpResponse<String> health = ServiceEndpoints.get("http://127.0.0.1:" + port + "/services/records-service/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void anUnreachableServiceIsJustDown() {
        HttpResponse<String> health = ServiceEndpoints.get("http://127.0.0.1:" + port + "/services/consent-service/health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void aServiceThatAnswersWithAnErrorIsAskedOnceNotRetried() {
        FAILING_CALLS.set(0);

        HttpResponse<String> health = ServiceEndpoints.get("http://127.0.0.1:" + port + "/services/records-service/health");

        assertThat(health.statusCode()).isEqualTo(503);
        // a 5xx answer is an answer: asking again would only repeat the work (and its stack trace) three times
        assertThat(FAILING_CALLS.get()).isEqualTo(1);
    }
}
