package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceEndpoints;

/** All five services and the gateway, started together against one broker and one store, are healthy through the gateway. */
class PlatformHealthSystemTest {

    static final List<String> SERVICES = RunningPlatform.SERVICES;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    @Test
    void theGatewayIsUpSayingOnlySoOnItsPublicPortAndItsComponentsOnItsManagementPort() {
        assertThat(ServiceEndpoints.get(platform.gatewayUrl() + "/health").body()).isEqualTo("{\"status\":\"UP\"}");
        // readiness is UP only with the gateway's store and broker
        assertThat(ServiceEndpoints.get(platform.gatewayUrl() + "/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(ServiceEndpoints.get(platform.gatewayUrl() + "/actuator/health").statusCode()).isEqualTo(404);

        JsonNode health = ServiceEndpoints.json(ServiceEndpoints.get(platform.gatewayManagementUrl() + "/actuator/health"));
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(ServiceEndpoints.get(platform.gatewayManagementUrl() + "/actuator/prometheus").body())
                .contains("application=\"gateway\"");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceIsUpThroughTheGateway(String service) {
        assertThat(ServiceEndpoints.healthStatus(platform.gatewayUrl() + "/services/" + service + "/health"))
                .isEqualTo("UP");
        // the details stay on the service's own port; the public route says only UP or DOWN
        JsonNode health = ServiceEndpoints.json(ServiceEndpoints.get(platform.serviceUrl(service) + "/actuator/health"));
        assertThat(health.path("components").path("mongo").path("details").path("database").asString())
                .startsWith(service);
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
    }
}
