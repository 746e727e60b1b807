package uk.alluris.rights;

import uk.alluris.testsupport.ServiceContractChecks;

class RightsRequestServiceContractIntegrationTest extends ServiceContractChecks {
}
