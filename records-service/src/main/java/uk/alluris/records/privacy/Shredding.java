package uk.alluris.records.privacy;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.alluris.records.entries.ClinicalEntries;
import uk.alluris.records.keys.SubjectKeys;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.ClinicalSubjects;

/**
 * Erases a subject's clinical records by destroying their key (crypto-shredding), then removes the ciphertext from
 * the live store. Copies elsewhere — backups, exports — stay unreadable forever. Announced as SubjectKeyDestroyed.
 */
@Service
class Shredding {

    private static final Logger log = LoggerFactory.getLogger(Shredding.class);

    private final SubjectKeys keys;
    private final ClinicalEntries entries;
    private final ClinicalSubjects subjects;
    private final Clock clock;

    Shredding(SubjectKeys keys, ClinicalEntries entries, ClinicalSubjects subjects, Clock clock) {
        this.keys = keys;
        this.entries = entries;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** Returns how many entries were erased. */
    long shred(ClinicalSubject subject, String reason) {
        keys.destroy(subject.id());
        subject.keyDestroyed(clock.instant(), reason);
        subjects.save(subject);
        long erased = entries.deleteBySubjectId(subject.id());
        log.info("subject {}: key destroyed, {} clinical entries erased ({})", subject.id(), erased, reason);
        return erased;
    }
}
