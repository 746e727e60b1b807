package uk.alluris.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.ServiceContractChecks;
import uk.alluris.testsupport.ServiceEndpoints;

/**
 * The gateway's actuator (health with components, info, Prometheus) is on its management port; its public port
 * serves only a status-only health (PublicHealthIntegrationTest) and none of the actuator.
 */
class GatewayContractIntegrationTest extends ServiceContractChecks {

    @Test
    void itsManagementPortIsAPortOfItsOwn() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
    }

    @Test
    void prometheusOnTheManagementPortCountsTheCallsTheGatewayAnswered() {
        ServiceEndpoints.get(url("/health"));

        HttpResponse<String> scrape = ServiceEndpoints.get(managementUrl("/actuator/prometheus"));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*application=\"gateway\"[^}]*uri=\"/health\"");
    }

    @Test
    void itsPublicPortServesNoActuatorPathAtAll() {
        for (String path : new String[] { "/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/info", "/actuator/prometheus", "/actuator/metrics", "/actuator/env" }) {
            HttpResponse<String> answer = ServiceEndpoints.get(url(path));

            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).doesNotContain("\"components\"", "\"git\"", "\"build\"", "jvm_");
        }
    }
}
