package uk.alluris.web;

import uk.alluris.testsupport.BoundaryChecks;

/** The boundaries web keeps: the platform's rules, one test each ({@link BoundaryChecks}). */
class WebBoundariesUnitTest extends BoundaryChecks {

    WebBoundariesUnitTest() {
        super("uk.alluris.web");
    }
}
