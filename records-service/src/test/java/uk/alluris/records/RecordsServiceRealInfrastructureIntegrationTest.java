package uk.alluris.records;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class RecordsServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
