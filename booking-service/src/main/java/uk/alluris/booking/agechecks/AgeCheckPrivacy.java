package uk.alluris.booking.agechecks;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;

/**
 * What the age checks answer to a privacy request: erased with the person (the evidence names them, and the
 * treatments it covered are kept without identity); exported in full. Restriction needs nothing here: a restricted
 * client cannot be booked, so no check is asked of them.
 */
@Component
public class AgeCheckPrivacy {

    static final String AGE_CHECKS = "age-checks";

    /** The {@code age-checks} category of an export. */
    record AgeCheckRecord(String documentType, String checkedBy, java.time.Instant checkedAt) {
    }

    private final AgeChecks checks;
    private final PrivacyEffects effects;

    AgeCheckPrivacy(AgeChecks checks, PrivacyEffects effects) {
        this.checks = checks;
        this.effects = effects;
    }

    /** Journals the checks found before deleting them, so a redelivery after a crash still counts them. */
    public List<CategoryOutcome> erase(Collection<UUID> clientIds) {
        List<AgeCheck> held = of(clientIds);
        int erased = effects.planned(AGE_CHECKS, held.stream().map(AgeCheck::id).toList());
        checks.deleteAll(held);
        return List.of(CategoryOutcome.counted(AGE_CHECKS, Outcome.ERASED, erased));
    }

    public void export(Collection<UUID> clientIds, PersonalDataExport.Builder export) {
        export.category(AGE_CHECKS, of(clientIds).stream()
                .map(check -> new AgeCheckRecord(check.documentType().name(), check.checkedBy(), check.checkedAt()))
                .toList());
    }

    private List<AgeCheck> of(Collection<UUID> clientIds) {
        return clientIds.stream().flatMap(id -> checks.findByClientIdOrderByCheckedAtAsc(id).stream()).toList();
    }
}
