package uk.alluris.records.subjects;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.problem.ProblemException;

/** Finds a subject by id, or finds or meets the subject a new clinical entry is about, by subject id, email, or both. */
@Service
public class SubjectRegister {

    private final ClinicalSubjects subjects;
    private final BlindIndexer indexer;

    SubjectRegister(ClinicalSubjects subjects, BlindIndexer indexer) {
        this.subjects = subjects;
        this.indexer = indexer;
    }

    public Optional<ClinicalSubject> find(String subjectId) {
        return subjects.findById(subjectId);
    }

    /** The live subjects another service's identifiers name: its subject id (if it was ours) or the email blind index. */
    public List<ClinicalSubject> matching(String subjectId, String emailIndex) {
        return subjects.findMatching(subjectId == null ? List.of() : List.of(subjectId),
                emailIndex == null ? List.of() : List.of(emailIndex), List.of()).stream()
                .filter(subject -> !subject.erased()).toList();
    }

    public ClinicalSubject forEntry(String subjectId, String email, String phone, LocalDate dateOfBirth, LocalDate entryDay) {
        String emailIndex = email == null || email.isBlank() ? null : indexer.email(email);
        String phoneIndex = phone == null || phone.isBlank() ? null : indexer.phone(phone);
        ClinicalSubject subject = subjectId != null
                ? subjects.findById(subjectId).orElseGet(() -> ClinicalSubject.meet(subjectId, emailIndex, phoneIndex))
                : subjects.findFirstByEmailIndex(emailIndex).orElseGet(() -> ClinicalSubject.meet(null, emailIndex, phoneIndex));
        if (subject.erased()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Subject erased",
                    "this subject's clinical records were erased; new records need a new subject");
        }
        subject.learn(emailIndex, phoneIndex, dateOfBirth);
        subject.entryOn(entryDay);
        return subjects.save(subject);
    }
}
