package uk.alluris.booking;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class BookingServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/bookings/appointments/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("RECEPTION", "CLINICIAN", "CLIENT");
    }
}
