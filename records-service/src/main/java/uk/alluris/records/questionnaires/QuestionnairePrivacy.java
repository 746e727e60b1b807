package uk.alluris.records.questionnaires;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetainedOrErased;

/**
 * What a privacy request does to medical questionnaires and the review flags raised from them: clinical records, so
 * an erasure keeps them, restricted, until the retention date and crypto-shreds them with the rest ({@link #eraseAll});
 * a restriction makes every read need a reason and takes the person off the shared review list; access gets every
 * answer and flag decrypted. Templates hold no one's data and are not touched.
 */
@Component
public class QuestionnairePrivacy {

    public static final String QUESTIONNAIRES = "medical-questionnaires";
    public static final String UNREADABLE = "This questionnaire's encryption key was destroyed: it can no longer be "
            + "read.";

    /** The {@code medical-questionnaires} category: each questionnaire answered, and what the clinician made of it. */
    public record Exported(UUID questionnaireId, String name, int version, Instant answeredAt, String recordedBy,
            Map<String, Object> answers, List<Review> reviews, String unreadable) {
    }

    /** A contraindication the answers raised for a treatment, and the clinician's decision on it. */
    public record Review(String treatment, String concern, Instant raisedAt, String decision, String reviewedBy,
            Instant reviewedAt, String note) {
    }

    private final Questionnaires questionnaires;
    private final QuestionnaireAnswers answers;
    private final ReviewFlags flags;

    QuestionnairePrivacy(Questionnaires questionnaires, QuestionnaireAnswers answers, ReviewFlags flags) {
        this.questionnaires = questionnaires;
        this.answers = answers;
        this.flags = flags;
    }

    public Map<String, Integer> counts(List<ClinicalSubject> subjects) {
        Map<String, Integer> counts = new HashMap<>();
        subjects.forEach(subject -> counts.put(subject.id(), (int) answers.countBySubjectId(subject.id())));
        return counts;
    }

    public int count(List<ClinicalSubject> subjects) {
        return counts(subjects).values().stream().mapToInt(Integer::intValue).sum();
    }

    public List<CategoryOutcome> afterErasure(List<ClinicalSubject> subjects, Map<String, Integer> before) {
        return RetainedOrErased.receipt(QUESTIONNAIRES, subjects, before);
    }

    /** Removes a shredded subject's answers and flags (already unreadable: their key is gone) from the live store. */
    public long eraseAll(String subjectId) {
        flags.deleteBySubjectId(subjectId);
        return answers.deleteBySubjectId(subjectId);
    }

    public List<Exported> export(ClinicalSubject person) {
        return questionnaires.of(person.id()).stream().map(answered -> new Exported(answered.id(), answered.name(),
                answered.version(), answered.answeredAt(), answered.recordedBy(), answered.answers(),
                answered.flags().stream().map(flag -> new Review(flag.treatment(), flag.concern(), flag.raisedAt(),
                        flag.decision() == null ? null : flag.decision().name(), flag.reviewedBy(), flag.reviewedAt(),
                        flag.note())).toList(), answered.answers() == null ? UNREADABLE : null)).toList();
    }
}
