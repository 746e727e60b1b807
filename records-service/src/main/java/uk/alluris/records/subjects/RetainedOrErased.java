package uk.alluris.records.subjects;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;

/**
 * The receipt for one category of clinical records after an erasure request: what belonged to subjects now shredded
 * is ERASED, what belongs to subjects held for retention is RETAINED (with the legal ground, until the latest date any
 * is held to). Counts are taken before the erasure, which may remove the records.
 */
public final class RetainedOrErased {

    private RetainedOrErased() {
    }

    public static List<CategoryOutcome> receipt(String category, List<ClinicalSubject> subjects,
            Map<String, Integer> countsBefore) {
        int erased = 0;
        int held = 0;
        LocalDate heldUntil = null;
        for (ClinicalSubject subject : subjects) {
            int count = countsBefore.getOrDefault(subject.id(), 0);
            if (subject.erased()) {
                erased += count;
            } else if (count > 0) {
                held += count;
                LocalDate until = subject.erasureDueOn();
                heldUntil = heldUntil == null || (until != null && until.isAfter(heldUntil)) ? until : heldUntil;
            }
        }
        List<CategoryOutcome> receipt = new ArrayList<>();
        if (held > 0) {
            receipt.add(CategoryOutcome.retained(category, held, RetentionRule.legalGround(), heldUntil));
        }
        if (erased > 0 || held == 0) {
            receipt.add(CategoryOutcome.counted(category, Outcome.ERASED, erased));
        }
        return receipt;
    }
}
