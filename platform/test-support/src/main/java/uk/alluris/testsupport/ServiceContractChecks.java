package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What every Alluris service promises its operators, run against the embedded broker and store: health is UP only
 * with its own database and Kafka checked, and it describes its API at {@code /v3/api-docs}. A service's test
 * extends this and adds nothing but its name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
public abstract class ServiceContractChecks {

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void healthIsUpWithItsOwnDatabaseAndKafkaChecked() {
        JsonNode health = ServiceEndpoints.json(ServiceEndpoints.get(url("/actuator/health")));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void describesItsApi() {
        HttpResponse<String> docs = ServiceEndpoints.get(url("/v3/api-docs"));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(ServiceEndpoints.json(docs).path("openapi").asString()).startsWith("3.");
    }
}
