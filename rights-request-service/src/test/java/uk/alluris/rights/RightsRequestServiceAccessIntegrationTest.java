package uk.alluris.rights;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class RightsRequestServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/privacy/requests/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("PRIVACY_OFFICER", "CLIENT");
    }
}
