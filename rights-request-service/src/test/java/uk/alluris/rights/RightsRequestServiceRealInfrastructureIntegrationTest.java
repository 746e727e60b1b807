package uk.alluris.rights;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class RightsRequestServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
