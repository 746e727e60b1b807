package uk.alluris.consent;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class ConsentServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/consents/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN", "CLIENT");
    }
}
