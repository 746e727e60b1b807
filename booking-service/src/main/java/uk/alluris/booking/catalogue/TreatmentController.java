package uk.alluris.booking.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
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
import uk.alluris.kit.security.CurrentCaller;

/**
 * The treatments the clinic offers: anyone signed in lists those offered (the portal books from them); ADMIN adds and
 * changes them (access rules in {@code security}) and also sees those no longer offered. A treatment is never deleted,
 * only withdrawn ({@code active: false}), so past appointments keep pointing at what was given.
 */
@RestController
@RequestMapping("/api/bookings/treatments")
class TreatmentController {

    /** Durations are whole slots: the diary is cut into {@value #SLOT_MINUTES}-minute granules. */
    static final int SLOT_MINUTES = 15;

    record TreatmentBody(@NotBlank @Size(max = 120) String name, @NotNull @Min(15) @Max(480) Integer durationMinutes,
            @NotNull @PositiveOrZero Long pricePence, @NotNull @PositiveOrZero Long depositPence,
            @NotNull @Min(0) @Max(120) Integer minimumAge, Boolean prescriptionOnly, Boolean consultationFirst,
            Boolean questionnaireFirst, Boolean consultation, PractitionerRole requiredRole,
            @Size(max = 4000) String aftercare, Boolean active) {

        Treatment toTreatment(UUID id) {
            if (durationMinutes % SLOT_MINUTES != 0) {
                throw invalid("durationMinutes must be a multiple of " + SLOT_MINUTES);
            }
            if (depositPence > pricePence) {
                throw invalid("depositPence must not exceed pricePence");
            }
            return new Treatment(id, name.strip(), durationMinutes, pricePence, depositPence, minimumAge,
                    yes(prescriptionOnly), yes(consultationFirst), yes(questionnaireFirst), yes(consultation),
                    requiredRole,
                    aftercare == null ? "" : aftercare.strip(), active == null || active);
        }
    }

    /** Flags left out of the body are off. */
    private static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    private final Treatments treatments;

    TreatmentController(Treatments treatments) {
        this.treatments = treatments;
    }

    @GetMapping
    List<Treatment> list(Paging paging) {
        boolean admin = CurrentCaller.get().map(caller -> caller.hasRole("ADMIN")).orElse(false);
        return paging.of(admin ? treatments.findAllByOrderByNameAsc() : treatments.findByActiveTrueOrderByNameAsc());
    }

    @GetMapping("/{id}")
    Treatment one(@PathVariable UUID id) {
        return treatments.findById(id).orElseThrow(() -> ProblemException.notFound("treatment " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Treatment add(@Valid @RequestBody TreatmentBody body) {
        return treatments.save(body.toTreatment(UUID.randomUUID()));
    }

    @PutMapping("/{id}")
    Treatment change(@PathVariable UUID id, @Valid @RequestBody TreatmentBody body) {
        one(id);
        return treatments.save(body.toTreatment(id));
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
