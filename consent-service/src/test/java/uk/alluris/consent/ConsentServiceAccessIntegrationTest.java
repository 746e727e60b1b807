package uk.alluris.consent;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class ConsentServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/consents/none";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN", "CLIENT");
    }
}
