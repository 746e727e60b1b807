package uk.alluris.records.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.records.entries.EntryPrivacy;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetentionRule;
import uk.alluris.records.subjects.SubjectPrivacy;

/**
 * An erasure request for clinical records: kept, restricted, until their retention date ({@link RetentionRule}) and
 * erased by {@link ClinicalRecordsRetention} (the kit's retention job) when it passes; erased at once (crypto-shredding) when it already has.
 */
@Component
public class RetentionPrivacy {

    private final SubjectPrivacy subjects;
    private final EntryPrivacy entries;
    private final Shredding shredding;

    RetentionPrivacy(SubjectPrivacy subjects, EntryPrivacy entries, Shredding shredding) {
        this.subjects = subjects;
        this.entries = entries;
        this.shredding = shredding;
    }

    /** {@code clinical-records} RETAINED until the latest date any is held to, and/or ERASED with a count. */
    public List<CategoryOutcome> erase(List<ClinicalSubject> live) {
        LocalDate today = subjects.today();
        long erased = 0;
        int held = 0;
        LocalDate heldUntil = null;
        for (ClinicalSubject found : live) {
            int records = entries.count(List.of(found));
            LocalDate until = found.lastEntryOn() == null ? today
                    : RetentionRule.keepUntil(found.lastEntryOn(), found.dateOfBirth());
            if (today.isAfter(until)) {
                erased += shredding.shred(found, "erasure requested after the retention period ended");
            } else {
                subjects.holdForRetention(found, until);
                held += records;
                heldUntil = heldUntil == null || until.isAfter(heldUntil) ? until : heldUntil;
            }
        }
        List<CategoryOutcome> receipt = new ArrayList<>();
        if (held > 0) {
            receipt.add(CategoryOutcome.retained(EntryPrivacy.CLINICAL_RECORDS, held, RetentionRule.legalGround(),
                    heldUntil));
        }
        if (erased > 0 || held == 0) {
            receipt.add(CategoryOutcome.counted(EntryPrivacy.CLINICAL_RECORDS, Outcome.ERASED, (int) erased));
        }
        return receipt;
    }
}
