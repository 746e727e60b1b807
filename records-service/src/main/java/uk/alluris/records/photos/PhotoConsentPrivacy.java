package uk.alluris.records.photos;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * What a privacy request does to the photo-marketing decisions projected from the consent ledger: a copy of the
 * ledger's (which keeps the proof), so an erasure removes them at once — with none left, no marketing use can pass the
 * check; access gets them back as the decisions records acted on.
 */
@Component
public class PhotoConsentPrivacy {

    public static final String DECISIONS = "photo-marketing-consents";

    /** The {@code photo-marketing-consents} category: each decision records knows of, by purpose and time. */
    public record Exported(String purpose, boolean granted, Instant at) {
    }

    private final PhotoConsents consents;

    private final PrivacyEffects effects;

    PhotoConsentPrivacy(PhotoConsents consents, PrivacyEffects effects) {
        this.consents = consents;
        this.effects = effects;
    }

    /** Journals the decisions found before removing them, so a redelivery after a crash still counts them. */
    public CategoryOutcome erase(List<ClinicalSubject> subjects) {
        int erased = effects.planned(DECISIONS, subjects.stream().flatMap(s -> consents.idsAbout(s).stream()).toList());
        subjects.forEach(consents::eraseAbout);
        return CategoryOutcome.counted(DECISIONS, Outcome.ERASED, erased);
    }

    public List<Exported> export(ClinicalSubject person) {
        return consents.decisionsAbout(person).stream()
                .map(decision -> new Exported(decision.purpose(), decision.granted(), decision.at())).toList();
    }
}
