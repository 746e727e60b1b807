package uk.alluris.consent;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class ConsentServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
