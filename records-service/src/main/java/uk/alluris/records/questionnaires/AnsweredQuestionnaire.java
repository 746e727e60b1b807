package uk.alluris.records.questionnaires;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person's answers to one questionnaire version, stored only as ciphertext under their own key. */
@Document("questionnaire_answers")
record AnsweredQuestionnaire(@Id UUID id, @Indexed String subjectId, UUID templateId, String name, int version,
        Instant answeredAt, String recordedBy, String encryptedAnswers) {
}
