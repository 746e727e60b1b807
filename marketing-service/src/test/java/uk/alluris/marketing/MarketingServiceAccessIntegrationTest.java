package uk.alluris.marketing;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class MarketingServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/marketing/subscribers/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("ADMIN", "PRIVACY_OFFICER");
    }
}
