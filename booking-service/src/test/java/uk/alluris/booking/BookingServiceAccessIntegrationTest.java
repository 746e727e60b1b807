package uk.alluris.booking;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class BookingServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/bookings/appointments/none";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("RECEPTION", "CLINICIAN", "CLIENT");
    }
}
