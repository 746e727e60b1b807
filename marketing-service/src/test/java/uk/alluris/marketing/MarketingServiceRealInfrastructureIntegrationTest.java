package uk.alluris.marketing;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class MarketingServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
