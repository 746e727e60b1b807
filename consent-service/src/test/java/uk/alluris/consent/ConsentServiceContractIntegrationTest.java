package uk.alluris.consent;

import uk.alluris.testsupport.ServiceContractChecks;

class ConsentServiceContractIntegrationTest extends ServiceContractChecks {
}
