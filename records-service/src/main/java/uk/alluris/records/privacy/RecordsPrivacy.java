package uk.alluris.records.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.records.entries.ClinicalEntries;
import uk.alluris.records.entries.ClinicalEntry;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.ClinicalSubjects;

/**
 * What records does for each privacy request (ARCHITECTURE.md). Erasure keeps clinical records until their
 * retention date, restricted meanwhile, and erases them (by destroying the subject's key) when it passes — at once if
 * it already has; photos' marketing use is withdrawn at once. Restriction makes every read need a stated reason.
 */
@Component
@EnableScheduling
class RecordsPrivacy implements PrivacyActions {

    static final String CLINICAL_RECORDS = "clinical-records";
    static final String PHOTOS_MARKETING_USE = "photos-marketing-use";

    private final ClinicalSubjects subjects;
    private final ClinicalEntries entries;
    private final Restrictions restrictions;
    private final Shredding shredding;
    private final Clock clock;

    RecordsPrivacy(ClinicalSubjects subjects, ClinicalEntries entries, Restrictions restrictions, Shredding shredding,
            Clock clock) {
        this.subjects = subjects;
        this.entries = entries;
        this.restrictions = restrictions;
        this.shredding = shredding;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        List<CategoryOutcome> receipt = new ArrayList<>();
        int photos = 0;
        long erased = 0;
        int held = 0;
        LocalDate heldUntil = null;
        for (ClinicalSubject found : live(subject)) {
            photos += withdrawPhotoMarketing(found);
            List<ClinicalEntry> records = entries.findBySubjectIdOrderByRecordedAtAsc(found.id());
            LocalDate until = found.lastEntryOn() == null ? today
                    : RetentionRule.keepUntil(found.lastEntryOn(), found.dateOfBirth());
            if (today.isAfter(until)) {
                erased += shredding.shred(found, "erasure requested after the retention period ended");
            } else {
                found.holdForRetention(until);
                subjects.save(found);
                held += records.size();
                heldUntil = heldUntil == null || until.isAfter(heldUntil) ? until : heldUntil;
            }
        }
        if (held > 0) {
            receipt.add(CategoryOutcome.retained(CLINICAL_RECORDS, held, RetentionRule.legalGround(), heldUntil));
        }
        if (erased > 0 || held == 0) {
            receipt.add(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.ERASED, (int) erased));
        }
        receipt.add(CategoryOutcome.counted(PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, photos));
        return receipt;
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        return List.of(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.RESTRICTED, countEntries(subject)));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        return List.of(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.RESTRICTION_LIFTED, countEntries(subject)));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        int photos = live(subject).stream().mapToInt(this::withdrawPhotoMarketing).sum();
        return List.of(CategoryOutcome.counted(PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, photos));
    }

    private int withdrawPhotoMarketing(ClinicalSubject subject) {
        int withdrawn = 0;
        for (ClinicalEntry entry : entries.findBySubjectIdOrderByRecordedAtAsc(subject.id())) {
            if (entry.usedInMarketing()) {
                entry.withdrawMarketingUse();
                entries.save(entry);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private int countEntries(SubjectIdentifiers subject) {
        return live(subject).stream().mapToInt(s -> entries.findBySubjectIdOrderByRecordedAtAsc(s.id()).size()).sum();
    }

    private List<ClinicalSubject> live(SubjectIdentifiers subject) {
        return subjects.findMatching(subject.subjectIds(), subject.emailIndexes(), subject.phoneIndexes()).stream()
                .filter(found -> !found.erased()).toList();
    }
}
