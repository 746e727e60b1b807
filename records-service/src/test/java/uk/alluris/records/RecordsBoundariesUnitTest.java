package uk.alluris.records;

import uk.alluris.testsupport.BoundaryChecks;

/** The boundaries records-service keeps: the platform's rules, one test each ({@link BoundaryChecks}). */
class RecordsBoundariesUnitTest extends BoundaryChecks {

    RecordsBoundariesUnitTest() {
        super("uk.alluris.records");
    }
}
