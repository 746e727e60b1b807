package uk.alluris.records.retention;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.entries.EntryPrivacy;
import uk.alluris.records.forms.FormPrivacy;
import uk.alluris.records.keys.SubjectKeys;
import uk.alluris.records.photos.PhotoConsentPrivacy;
import uk.alluris.records.photos.PhotoPrivacy;
import uk.alluris.records.questionnaires.QuestionnairePrivacy;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectPrivacy;

/**
 * Erases a subject's clinical records by destroying their key (crypto-shredding), then removes the ciphertext from
 * the live store. Copies elsewhere — backups, exports — stay unreadable forever. Announced as SubjectKeyDestroyed.
 */
@Service
class Shredding {

    private static final Logger log = LoggerFactory.getLogger(Shredding.class);

    private final SubjectKeys keys;
    private final EntryPrivacy entries;
    private final SubjectPrivacy subjects;
    private final ReadAudit audit;
    private final PhotoPrivacy photos;
    private final PhotoConsentPrivacy photoConsents;
    private final FormPrivacy forms;
    private final QuestionnairePrivacy questionnaires;

    Shredding(SubjectKeys keys, EntryPrivacy entries, SubjectPrivacy subjects, ReadAudit audit, PhotoPrivacy photos,
            PhotoConsentPrivacy photoConsents, FormPrivacy forms, QuestionnairePrivacy questionnaires) {
        this.keys = keys;
        this.entries = entries;
        this.subjects = subjects;
        this.audit = audit;
        this.photos = photos;
        this.photoConsents = photoConsents;
        this.forms = forms;
        this.questionnaires = questionnaires;
    }

    /** Returns how many entries were erased. */
    long shred(ClinicalSubject subject, String reason) {
        keys.destroy(subject.id());
        // found by the identifiers the subject is about to lose
        photoConsents.erase(List.of(subject));
        subjects.keyDestroyed(subject, reason);
        photos.eraseAll(subject.id());
        forms.eraseAll(subject.id());
        questionnaires.eraseAll(subject.id());
        long erased = entries.eraseAll(subject.id());
        audit.eraseAll(subject.id());
        log.info("subject {}: key destroyed, {} clinical entries erased ({})", subject.id(), erased, reason);
        return erased;
    }
}
