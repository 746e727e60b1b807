package uk.alluris.records.questionnaires;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A treatment a person's answers may contraindicate, waiting for a clinician's review. The concern ("pregnancy",
 * "allergy to lidocaine") is health data, so it is ciphertext; the treatment and the review's state stay readable so
 * the open list can be found without decrypting.
 */
@Document("review_flags")
record ReviewFlag(@Id UUID id, @Indexed String subjectId, UUID questionnaireId, String treatment,
        String encryptedConcern, Instant raisedAt, @Indexed boolean open, String reviewedBy, Instant reviewedAt,
        Decision decision, String encryptedNote) {

    enum Decision {
        SUITABLE, NOT_SUITABLE
    }

    ReviewFlag reviewed(String by, Instant at, Decision decided, String note) {
        return new ReviewFlag(id, subjectId, questionnaireId, treatment, encryptedConcern, raisedAt, false, by, at,
                decided, note);
    }
}
