package uk.alluris.booking.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment the clinic offers. Money in pence. {@code minimumAge} is what the law or the clinic demands (18 for
 * toxins and fillers: Botulinum Toxin and Cosmetic Fillers (Children) Act 2021); {@code prescriptionOnly} needs a
 * prescriber's consultation first; {@code consultation} marks the treatment that is itself such a consultation;
 * {@code requiredRole}, when set, is the role a practitioner must hold to give it.
 */
@Document("treatments")
public record Treatment(
        @Schema(description = "The treatment's id", example = "0b8e5d2a-6c1f-4e3b-a9d7-2f4c6e8a1b35") @Id UUID id,
        @Schema(description = "Its name as clients see it", example = "Anti-wrinkle injections, three areas")
        String name,
        @Schema(description = "How long it takes, in minutes: whole 15-minute slots, 15 to 480", example = "30")
        int durationMinutes,
        @Schema(description = "Its price in pence (GBP)", example = "25000") long pricePence,
        @Schema(description = "The deposit taken at booking, in pence (GBP); 0 for none, never above the price",
                example = "5000") long depositPence,
        @Schema(description = "The youngest age, in years, at which a client may have it (18 for toxins and fillers)",
                example = "18") int minimumAge,
        @Schema(description = "Whether it is a prescription-only medicine, given after a prescriber's consultation",
                example = "true") boolean prescriptionOnly,
        @Schema(description = "Whether a consultation must come before it", example = "true")
        boolean consultationFirst,
        @Schema(description = "Whether the client answers a medical questionnaire before it", example = "true")
        boolean questionnaireFirst,
        @Schema(description = "Whether it is itself the consultation prescription-only treatments need",
                example = "false") boolean consultation,
        @Schema(description = "The role a practitioner must hold to give it; null when anyone may",
                example = "PRESCRIBER") PractitionerRole requiredRole,
        @Schema(description = "The aftercare advice sent after the visit; empty for none",
                example = "Avoid strenuous exercise and lying flat for four hours.") String aftercare,
        @Schema(description = "Whether it is offered; a withdrawn treatment is kept for past appointments",
                example = "true") boolean active) {

    /** Whether the law on who may be treated applies: someone under 18 may not be booked. */
    public boolean ageRestricted() {
        return minimumAge >= 18;
    }

    /** Whether this practitioner may give this treatment. */
    public boolean givenBy(Practitioner practitioner) {
        return practitioner.active() && (requiredRole == null || practitioner.holds(requiredRole));
    }
}
