package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
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

    private static final java.util.Set<String> HTTP_METHODS = java.util.Set.of("get", "put", "post", "delete", "options",
            "head", "patch", "trace");

    @LocalServerPort
    protected int port;
    /** The actuator's own port where it has one (the gateway's), else 0: the actuator is on the service's port. */
    @Value("${local.management.port:0}")
    protected int managementPort;
    @Value("${spring.application.name}")
    protected String service;

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** An actuator address, on the port operators (and Prometheus) use, never through the gateway. */
    protected String managementUrl(String path) {
        return "http://127.0.0.1:" + (managementPort > 0 ? managementPort : port) + path;
    }

    /**
     * Whether its actuator health lists its components (the gateway's does not: its only port is the public one, where
     * health says UP or DOWN only; its readiness, which counts its store and broker, is PublicHealthIntegrationTest's).
     */
    protected boolean healthShowsComponents() {
        return true;
    }

    @Test
    void healthIsUpWithItsOwnDatabaseAndKafkaChecked() {
        JsonNode health = ServiceEndpoints.json(ServiceEndpoints.get(managementUrl("/actuator/health")));

        assertThat(health.path("status").asString()).isEqualTo("UP");
        if (healthShowsComponents()) {
            assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
            assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        } else {
            assertThat(health.has("components")).as("components on a public health").isFalse();
        }
    }

    /** Whether this part serves Prometheus (the gateway does not: its only port is the public one). */
    protected boolean servesMetrics() {
        return true;
    }

    @Test
    void exposesEveryMeterTheAlertsAndDashboardExpectOfItForPrometheus() {
        org.junit.jupiter.api.Assumptions.assumeTrue(servesMetrics(), "serves no metrics");
        ServiceEndpoints.get(managementUrl("/actuator/health"));
        HttpResponse<String> scrape = ServiceEndpoints.get(managementUrl("/actuator/prometheus"));

        assertThat(scrape.statusCode()).isEqualTo(200);
        List<String> samples = scrape.body().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).distinct().toList();
        assertThat(samples).containsAll(PlatformMeters.exposedAtStartBy(service));
        assertThat(scrape.body()).contains("application=\"" + service + "\"");
    }

    @Test
    void namesItsBuildInItsInfo() {
        JsonNode info = ServiceEndpoints.json(ServiceEndpoints.get(managementUrl("/actuator/info")));

        // written by spring-boot-maven-plugin's build-info goal (git.properties too, where the source has .git)
        assertThat(info.path("build").path("artifact").asString()).isNotBlank();
        assertThat(info.path("build").path("version").asString()).isNotBlank();
    }

    @Test
    void describesItsApi() {
        HttpResponse<String> docs = ServiceEndpoints.get(url("/v3/api-docs"));

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(ServiceEndpoints.json(docs).path("openapi").asString()).startsWith("3.");
    }

    @Test
    void itsApiDocumentDeclaresBearerSecurityASummaryForEveryOperationAndProblemAnswers() {
        JsonNode api = ServiceEndpoints.json(ServiceEndpoints.get(url("/v3/api-docs")));

        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
        assertThat(api.path("components").path("schemas").path("Problem").path("properties").has("status")).isTrue();
        List<String> operations = new java.util.ArrayList<>();
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!HTTP_METHODS.contains(operation.getKey())) {
                return; // a path item's extensions (x-...), parameters or servers
            }
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            assertThat(operation.getValue().path("summary").asString()).as("summary of %s", name).isNotBlank();
            // the kit's Paging argument is what the caller sends as optional page and size, never an object of its own
            List<String> parameters = new java.util.ArrayList<>();
            operation.getValue().path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
            assertThat(parameters).as("parameters of %s", name).doesNotContain("paging");
            if (parameters.contains("page")) {
                assertThat(parameters).as("parameters of %s", name).contains("size");
            }
            operation.getValue().path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4")) {
                    assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asString()).as("%s answering %s", name, response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
            assertThat(operation.getValue().path("responses").has("400")).as("%s answers 400", name).isTrue();
        }));
        assertThat(operations).isNotEmpty();
        assertThat(api.path("components").path("schemas").has("Paging")).as("an empty Paging schema").isFalse();
    }

    @Test
    void itsApiDocumentIsCleanUnderTheOpenApiLintersRecommendedRules() {
        HttpResponse<String> docs = ServiceEndpoints.get(url("/v3/api-docs"));

        List<String> findings = ApiStyle.findingsIn(docs.body());
        assertThat(findings).as("openapi-style-validator findings in %s's document", service).isEmpty();
    }
}
