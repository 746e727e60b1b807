package uk.alluris.booking;

import org.testcontainers.junit.jupiter.Testcontainers;
import uk.alluris.testsupport.RealInfrastructureChecks;

@Testcontainers(disabledWithoutDocker = true)
class BookingServiceRealInfrastructureIntegrationTest extends RealInfrastructureChecks {
}
