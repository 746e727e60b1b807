package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.kit.paging.Paging;

/**
 * {@code GET /api/bookings/availability?treatment=&from=&to=[&practitioner=]}: free slots {@code [{start, end,
 * practitionerId}]} for staff and clients (the portal books from it). {@code from} and {@code to} are instants
 * (ISO-8601 with an offset); the range is bounded ({@link BookingRules#maxAvailabilityRange()}), so one question
 * cannot make the service walk the diary for years.
 */
@RestController
class AvailabilityController {

    private final Availability availability;
    private final Catalogue catalogue;

    AvailabilityController(Availability availability, Catalogue catalogue) {
        this.availability = availability;
        this.catalogue = catalogue;
    }

    @Operation(summary = "List free slots", description = "The free slots for a treatment between from and to "
            + "(instants with an offset, at most 31 days apart by default), optionally for one practitioner, for "
            + "RECEPTION, CLINICIAN and CLIENT callers; in pages of at most 200 (page, size).")
    @GetMapping("/api/bookings/availability")
    List<SlotGrid.Slot> free(@RequestParam UUID treatment, @RequestParam OffsetDateTime from,
            @RequestParam OffsetDateTime to, @RequestParam(required = false) UUID practitioner, Paging paging) {
        return paging.of(availability.free(catalogue.bookableTreatment(treatment), practitioner, from.toInstant(),
                to.toInstant()));
    }
}
