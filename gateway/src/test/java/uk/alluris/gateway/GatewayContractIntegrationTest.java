package uk.alluris.gateway;

import uk.alluris.testsupport.ServiceContractChecks;

class GatewayContractIntegrationTest extends ServiceContractChecks {
}
