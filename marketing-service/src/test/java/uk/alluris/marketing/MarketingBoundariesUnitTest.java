package uk.alluris.marketing;

import uk.alluris.testsupport.BoundaryChecks;

/** The boundaries marketing-service keeps: the platform's rules, one test each ({@link BoundaryChecks}). */
class MarketingBoundariesUnitTest extends BoundaryChecks {

    MarketingBoundariesUnitTest() {
        super("uk.alluris.marketing");
    }
}
