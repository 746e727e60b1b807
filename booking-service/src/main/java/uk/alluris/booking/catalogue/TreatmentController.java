package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record TreatmentBody(
            @Schema(description = "Its name as clients see it, at most 120 characters",
                    example = "Anti-wrinkle injections, three areas") @NotBlank @Size(max = 120) String name,
            @Schema(description = "How long it takes, in minutes: a multiple of 15, from 15 to 480", example = "30")
            @NotNull @Min(15) @Max(480) Integer durationMinutes,
            @Schema(description = "Its price in pence (GBP), 0 or more", example = "25000")
            @NotNull @PositiveOrZero Long pricePence,
            @Schema(description = "The deposit taken at booking, in pence (GBP): 0 for none, at most the price",
                    example = "5000") @NotNull @PositiveOrZero Long depositPence,
            @Schema(description = "The youngest age, in years (0 to 120), at which a client may have it; 18 makes "
                    + "it age-restricted", example = "18") @NotNull @Min(0) @Max(120) Integer minimumAge,
            @Schema(description = "Whether it is a prescription-only medicine; left out means no", example = "true")
            Boolean prescriptionOnly,
            @Schema(description = "Whether a consultation must come before it; left out means no", example = "true")
            Boolean consultationFirst,
            @Schema(description = "Whether a medical questionnaire must be answered before it; left out means no",
                    example = "true") Boolean questionnaireFirst,
            @Schema(description = "Whether it is itself a prescriber's consultation; left out means no",
                    example = "false") Boolean consultation,
            @Schema(description = "The role a practitioner must hold to give it; left out, anyone may",
                    example = "PRESCRIBER") PractitionerRole requiredRole,
            @Schema(description = "Aftercare advice sent after the visit, at most 4000 characters",
                    example = "Avoid strenuous exercise and lying flat for four hours.")
            @Size(max = 4000) String aftercare,
            @Schema(description = "Whether it is offered; left out means yes, false withdraws it", example = "true")
            Boolean active) {

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

    @Operation(summary = "List treatments", description = "The treatments offered, by name, for anyone signed in "
            + "(the portal books from them); ADMIN also sees withdrawn ones. In pages of at most 200 (page, size).")
    @GetMapping
    List<Treatment> list(Paging paging) {
        boolean admin = CurrentCaller.get().map(caller -> caller.hasRole("ADMIN")).orElse(false);
        return paging.of(admin ? treatments.findAllByOrderByNameAsc() : treatments.findByActiveTrueOrderByNameAsc());
    }

    @Operation(summary = "Read a treatment", description = "One treatment, offered or withdrawn, for anyone signed "
            + "in.")
    @GetMapping("/{id}")
    Treatment one(@PathVariable UUID id) {
        return treatments.findById(id).orElseThrow(() -> ProblemException.notFound("treatment " + id));
    }

    @Operation(summary = "Add a treatment", description = "ADMIN only: adds a treatment to the catalogue; its "
            + "duration is whole 15-minute slots and its deposit at most its price (400 otherwise).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Treatment add(@Valid @RequestBody TreatmentBody body) {
        return treatments.save(body.toTreatment(UUID.randomUUID()));
    }

    @Operation(summary = "Change a treatment", description = "ADMIN only: replaces all of a treatment's details; it "
            + "is never deleted, only withdrawn with active false, so past appointments keep pointing at it.")
    @PutMapping("/{id}")
    Treatment change(@PathVariable UUID id, @Valid @RequestBody TreatmentBody body) {
        one(id);
        return treatments.save(body.toTreatment(id));
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
