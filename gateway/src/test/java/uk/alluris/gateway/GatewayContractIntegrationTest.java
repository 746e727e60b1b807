package uk.alluris.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.alluris.testsupport.ServiceContractChecks;
import uk.alluris.testsupport.ServiceEndpoints;

class GatewayContractIntegrationTest extends ServiceContractChecks {

    /** The gateway's only port is the public one, so it serves no Prometheus endpoint (docs/observability.md). */
    @Override
    protected boolean servesMetrics() {
        return false;
    }

    /** Its public port's health says UP or DOWN only (PublicHealthIntegrationTest). */
    @Override
    protected boolean healthShowsComponents() {
        return false;
    }

    @Test
    void itsPublicPortShowsNoMetrics() {
        assertThat(ServiceEndpoints.get(url("/actuator/prometheus")).statusCode()).isEqualTo(404);
    }
}
