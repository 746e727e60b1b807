package uk.alluris.booking.catalogue;

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

    record PractitionerBody(@NotBlank @Size(max = 120) String name, @NotNull @Size(max = 5) Set<PractitionerRole> roles,
            @NotNull @Size(max = 21) List<Practitioner.@NotNull WorkingHours> weeklyHours, Boolean active) {

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

    @GetMapping
    List<Practitioner> list(Paging paging) {
        return paging.of(practitioners.findByActiveTrueOrderByNameAsc());
    }

    @GetMapping("/{id}")
    Practitioner one(@PathVariable UUID id) {
        return practitioners.findById(id).orElseThrow(() -> ProblemException.notFound("practitioner " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Practitioner add(@Valid @RequestBody PractitionerBody body) {
        return practitioners.save(body.toPractitioner(UUID.randomUUID()));
    }

    @PutMapping("/{id}")
    Practitioner change(@PathVariable UUID id, @Valid @RequestBody PractitionerBody body) {
        one(id);
        return practitioners.save(body.toPractitioner(id));
    }
}
