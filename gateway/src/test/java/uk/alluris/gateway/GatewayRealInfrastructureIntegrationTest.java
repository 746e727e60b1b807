package uk.alluris.gateway;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class GatewayRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
