package uk.alluris.records.questionnaires;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a medical questionnaire: its questions and the contraindication rules that read its answers. Never
 * changed once made: a new wording or rule is a new version, so answers always point at what was asked.
 */
@Document("questionnaire_templates")
@CompoundIndex(name = "name_version", def = "{ 'name': 1, 'version': 1 }", unique = true)
record QuestionnaireTemplate(@Id UUID id, String name, int version, List<Question> questions,
        List<ContraindicationRule> rules, String createdBy, Instant createdAt) {

    /** {@code kind}: YES_NO answers are true/false; TEXT answers free text (medications, allergies). */
    record Question(String key, String text, Kind kind) {
    }

    enum Kind {
        YES_NO, TEXT
    }
}
