package uk.alluris.booking;

import uk.alluris.testsupport.BoundaryChecks;

/** The boundaries booking-service keeps: the platform's rules, one test each ({@link BoundaryChecks}). */
class BookingBoundariesUnitTest extends BoundaryChecks {

    BookingBoundariesUnitTest() {
        super("uk.alluris.booking");
    }
}
