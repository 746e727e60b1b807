package uk.alluris.records.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContraindicationRuleUnitTest {

    private final ContraindicationRule pregnancy = new ContraindicationRule("botox", "pregnant", "pregnancy", null);
    private final ContraindicationRule lidocaine = new ContraindicationRule("lip-filler", "allergies",
            "allergy to an ingredient", List.of("Lidocaine", "hyaluronic acid"));

    @Test
    void aYesToAYesNoQuestionRaisesTheConcernAndANoOrNoAnswerDoesNot() {
        assertThat(pregnancy.raisedBy(Map.of("pregnant", true))).isTrue();
        assertThat(pregnancy.raisedBy(Map.of("pregnant", false))).isFalse();
        assertThat(pregnancy.raisedBy(Map.of())).isFalse();
    }

    @Test
    void aTextAnswerNamingAnIngredientInAnyCaseRaisesTheConcern() {
        assertThat(lidocaine.raisedBy(Map.of("allergies", "penicillin and LIDOCAINE"))).isTrue();
        assertThat(lidocaine.raisedBy(Map.of("allergies", "Hyaluronic Acid (rash)"))).isTrue();
        assertThat(lidocaine.raisedBy(Map.of("allergies", "penicillin"))).isFalse();
    }
}
