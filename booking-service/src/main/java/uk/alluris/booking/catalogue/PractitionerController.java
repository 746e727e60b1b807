package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;

/**
 * Practitioners with their roles and weekly hours: anyone signed in lists those working; ADMIN adds and changes them.
 * Hours are clinic time on the diary's {@value TreatmentController#SLOT_MINUTES}-minute grid.
 */
@RestController
@RequestMapping("/api/bookings/practitioners")
class PractitionerController {

    record PractitionerBody(
            @Schema(description = "Their name as clients see it, at most 120 characters", example = "Dr Sam Example")
            @NotBlank @Size(max = 120) String name,
            @Schema(description = "What they are qualified to do, at most 5: PRESCRIBER, AESTHETIC_PRACTITIONER, "
                    + "SKIN_THERAPIST", example = "[\"PRESCRIBER\"]")
            @NotNull @Size(max = 5) Set<PractitionerRole> roles,
            @Schema(description = "The spans worked each week, at most 21, clinic time on the quarter hour",
                    example = "[{\"day\": \"MONDAY\", \"start\": \"09:00\", \"end\": \"13:00\"}]")
            @NotNull @Size(max = 21) List<Practitioner.@NotNull WorkingHours> weeklyHours,
            @Schema(description = "Whether they are working; left out means yes", example = "true") Boolean active) {

        Practitioner toPractitioner(UUID id) {
            for (Practitioner.WorkingHours hours : weeklyHours) {
                if (hours.day() == null || hours.start() == null || hours.end() == null
                        || !hours.start().isBefore(hours.end())) {
                    throw TreatmentController.invalid("each of weeklyHours needs a day, and a start before its end");
                }
                if (!onGrid(hours.start()) || !onGrid(hours.end())) {
                    throw TreatmentController.invalid("weeklyHours start and end on the quarter hour (e.g. 09:00, "
                            + "13:15)");
                }
            }
            return new Practitioner(id, name.strip(), roles, weeklyHours, active == null || active);
        }

        private static boolean onGrid(LocalTime time) {
            return time.getSecond() == 0 && time.getNano() == 0
                    && time.getMinute() % TreatmentController.SLOT_MINUTES == 0;
        }
    }

    private final Practitioners practitioners;

    PractitionerController(Practitioners practitioners) {
        this.practitioners = practitioners;
    }

    @Operation(summary = "List practitioners", description = "The practitioners working, by name, with their roles "
            + "and weekly hours, for anyone signed in. In pages of at most 200 (page, size).")
    @GetMapping
    List<Practitioner> list(Paging paging) {
        return paging.of(practitioners.findByActiveTrueOrderByNameAsc());
    }

    @Operation(summary = "Read a practitioner", description = "One practitioner, working or not, for anyone signed "
            + "in.")
    @GetMapping("/{id}")
    Practitioner one(@PathVariable UUID id) {
        return practitioners.findById(id).orElseThrow(() -> ProblemException.notFound("practitioner " + id));
    }

    @Operation(summary = "Add a practitioner", description = "ADMIN only: adds a practitioner with at most 5 roles "
            + "and 21 spans of weekly hours, each starting before it ends on the quarter hour (400 otherwise).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Practitioner add(@Valid @RequestBody PractitionerBody body) {
        return practitioners.save(body.toPractitioner(UUID.randomUUID()));
    }

    @Operation(summary = "Change a practitioner", description = "ADMIN only: replaces a practitioner's name, roles "
            + "and weekly hours, or sets active false when they stop working; appointments already booked stay.")
    @PutMapping("/{id}")
    Practitioner change(@PathVariable UUID id, @Valid @RequestBody PractitionerBody body) {
        one(id);
        return practitioners.save(body.toPractitioner(id));
    }
}
