package uk.alluris.records.questionnaires;

import io.swagger.v3.oas.annotations.media.Schema;
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
record QuestionnaireTemplate(
        @Schema(description = "This version's id, which answers name", example = "b61f0d4e-8a3c-4e27-9d15-c2a7e9f3b086")
        @Id UUID id,
        @Schema(description = "The questionnaire's name, shared by its versions", example = "medical-history")
        String name,
        @Schema(description = "The version number within the name, from 1", example = "3") int version,
        @Schema(description = "The questions, in order", example = QUESTIONS_EXAMPLE) List<Question> questions,
        @Schema(description = "The contraindication rules that read the answers", example = RULES_EXAMPLE)
        List<ContraindicationRule> rules,
        @Schema(description = "Who wrote this version: the staff username from their token",
                example = "clinician@alluris.local") String createdBy,
        @Schema(description = "When this version was made (ISO 8601 instant, UTC)", example = "2026-10-01T08:00:00Z")
        Instant createdAt) {

    /** Examples of questions and rules as the API document shows them. */
    static final String QUESTIONS_EXAMPLE = "[{\"key\": \"pregnant\", \"text\": \"Are you pregnant or breastfeeding?\", "
            + "\"kind\": \"YES_NO\"}]";
    static final String RULES_EXAMPLE = "[{\"treatment\": \"lip-filler\", \"questionKey\": \"allergies\", "
            + "\"concern\": \"allergy to an ingredient\", \"ingredients\": [\"lidocaine\"]}]";

    /** {@code kind}: YES_NO answers are true/false; TEXT answers free text (medications, allergies). */
    record Question(
            @Schema(description = "The answer's key", example = "pregnant") String key,
            @Schema(description = "The question as the client reads it", example = "Are you pregnant or breastfeeding?")
            String text,
            @Schema(description = "YES_NO (answered true or false) or TEXT (free text)", example = "YES_NO")
            Kind kind) {
    }

    enum Kind {
        YES_NO, TEXT
    }
}
