package uk.alluris.booking;

import uk.alluris.testsupport.ServiceContractChecks;

class BookingServiceContractIntegrationTest extends ServiceContractChecks {
}
