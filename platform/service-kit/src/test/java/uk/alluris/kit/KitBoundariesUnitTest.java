package uk.alluris.kit;

import uk.alluris.testsupport.BoundaryChecks;

/** The kit keeps the boundaries it asks of the services: no cycles between its capabilities, one test per rule. */
class KitBoundariesUnitTest extends BoundaryChecks {

    KitBoundariesUnitTest() {
        super("uk.alluris.kit");
    }

    /** The kit's privacy package is the privacy capability services use, not a composition of features. */
    @Override
    protected boolean privacyPackageComposes() {
        return false;
    }
}
