package uk.alluris.records.questionnaires;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When an answer contraindicates a treatment: a YES to a yes/no question (pregnant? taking anticoagulants?), or a text
 * answer naming any of the treatment's ingredients (allergic to lidocaine, hyaluronic acid...). What it raises is a
 * {@code concern} for the clinician to review, not a refusal: the clinician decides.
 */
record ContraindicationRule(
        @Schema(description = "The treatment the answer may contraindicate", example = "lip-filler") String treatment,
        @Schema(description = "The key of the question the rule reads", example = "allergies") String questionKey,
        @Schema(description = "What the clinician is asked to review when it is raised",
                example = "allergy to an ingredient") String concern,
        @Schema(description = "For a TEXT question: ingredients whose mention raises the rule (case-insensitive); unused "
                + "for a YES_NO question, which a yes raises", example = "[\"lidocaine\"]") List<String> ingredients) {

    /** Whether the answers raise this rule's concern. */
    boolean raisedBy(Map<String, Object> answers) {
        Object answer = answers.get(questionKey);
        if (answer instanceof Boolean yes) {
            return yes;
        }
        if (answer instanceof String text && ingredients != null) {
            String said = text.toLowerCase(Locale.ROOT);
            return ingredients.stream().anyMatch(ingredient -> said.contains(ingredient.toLowerCase(Locale.ROOT)));
        }
        return false;
    }
}
