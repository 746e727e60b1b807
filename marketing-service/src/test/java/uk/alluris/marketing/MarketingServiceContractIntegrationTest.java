package uk.alluris.marketing;

import uk.alluris.testsupport.ServiceContractChecks;

class MarketingServiceContractIntegrationTest extends ServiceContractChecks {
}
