package uk.alluris.records;

import java.util.Set;
import uk.alluris.testsupport.ServiceAccessChecks;

class RecordsServiceAccessIntegrationTest extends ServiceAccessChecks {

    @Override
    protected String protectedPath() {
        return "/api/records/entries/00000000-0000-0000-0000-000000000000";
    }

    @Override
    protected Set<String> allowedRoles() {
        return Set.of("CLINICIAN", "PRIVACY_OFFICER");
    }
}
