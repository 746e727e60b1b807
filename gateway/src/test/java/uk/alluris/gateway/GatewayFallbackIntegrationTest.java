package uk.alluris.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceEndpoints;

/** A service that does not answer gives a 503 problem naming it, on its API routes and on its health route. */
@GatewayBeforeUnreachableServices
class GatewayFallbackIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void anUnreachableServiceIsA503ProblemNamingIt() {
        HttpResponse<String> response = ServiceEndpoints.get("http://127.0.0.1:" + port + "/api/bookings/clients");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        JsonNode problem = ServiceEndpoints.json(response);
        assertThat(problem.path("service").asString()).isEqualTo("booking-service");
        assertThat(problem.path("detail").asString()).contains("booking-service is unavailable");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "application/xml", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8" })
    void anUnreachableServiceIsA503ProblemWhateverTheAcceptHeaderSays(String accept) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/bookings/clients")).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ServiceEndpoints.json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("detail").asString()).contains("booking-service is unavailable");
    }

    @Test
    void anUnreachableServicesHealthIsA503Too() {
        HttpResponse<String> response = ServiceEndpoints.get("http://127.0.0.1:" + port + "/services/booking-service/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void aPathNoServiceOwnsIsA404() {
        assertThat(ServiceEndpoints.get("http://127.0.0.1:" + port + "/api/nothing-here").statusCode()).isEqualTo(404);
    }
}
