package uk.alluris.booking.catalogue;

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
public record Treatment(@Id UUID id, String name, int durationMinutes, long pricePence, long depositPence,
        int minimumAge, boolean prescriptionOnly, boolean consultationFirst, boolean questionnaireFirst,
        boolean consultation, PractitionerRole requiredRole, String aftercare, boolean active) {

    /** Whether the law on who may be treated applies: someone under 18 may not be booked. */
    public boolean ageRestricted() {
        return minimumAge >= 18;
    }

    /** Whether this practitioner may give this treatment. */
    public boolean givenBy(Practitioner practitioner) {
        return practitioner.active() && (requiredRole == null || practitioner.holds(requiredRole));
    }
}
