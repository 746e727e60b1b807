package uk.alluris.consent;

import uk.alluris.testsupport.BoundaryChecks;

/** The boundaries consent-service keeps: the platform's rules, one test each ({@link BoundaryChecks}). */
class ConsentBoundariesUnitTest extends BoundaryChecks {

    ConsentBoundariesUnitTest() {
        super("uk.alluris.consent");
    }
}
