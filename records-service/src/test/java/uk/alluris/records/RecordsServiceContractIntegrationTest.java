package uk.alluris.records;

import uk.alluris.testsupport.ServiceContractChecks;

class RecordsServiceContractIntegrationTest extends ServiceContractChecks {
}
