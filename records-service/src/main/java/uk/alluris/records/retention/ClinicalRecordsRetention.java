package uk.alluris.records.retention;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;
import uk.alluris.records.entries.EntryPrivacy;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetentionRule;
import uk.alluris.records.subjects.SubjectPrivacy;

/**
 * Clinical records end by {@link RetentionRule} (the register's {@code clinical-records} rule: 8 years after the
 * last entry, a child's to the 25th/26th birthday): kept through their last day, crypto-shredded the day after,
 * whether an erasure request is waiting for that day or nobody asked. Counted per person.
 */
@Component
class ClinicalRecordsRetention implements RetainedCategory {

    private final SubjectPrivacy subjects;
    private final Shredding shredding;

    ClinicalRecordsRetention(SubjectPrivacy subjects, Shredding shredding) {
        this.subjects = subjects;
        this.shredding = shredding;
    }

    @Override
    public String category() {
        return EntryPrivacy.CLINICAL_RECORDS;
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        List<ClinicalSubject> due = subjects.pastRetention(day.today());
        for (ClinicalSubject subject : due) {
            shredding.shred(subject, "retention period ended: kept until " + SubjectPrivacy.keptUntil(subject)
                    + (subject.heldForRetention() ? " after an erasure request" : ""));
        }
        return due.size();
    }

    @Override
    public Ending ending(RetentionDay day) {
        List<ClinicalSubject> due = subjects.pastRetention(day.today());
        Optional<LocalDate> earliest = due.stream().map(SubjectPrivacy::keptUntil)
                .min(Comparator.naturalOrder()).map(last -> last.plusDays(1));
        return new Ending(due.size(), earliest);
    }
}
