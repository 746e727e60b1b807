package uk.alluris.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;

/** What the export takes out of a clinical entry, and what it leaves. */
class ThirdPartyRedactionUnitTest {

    private static final String NAME = ThirdPartyRedaction.NAME;
    private static final String EMAIL = ThirdPartyRedaction.EMAIL;
    private static final String PHONE = ThirdPartyRedaction.PHONE;

    private final BlindIndexer indexer = new BlindIndexer(
            new BlindIndexProperties("unit-test-blind-index-secret-0123456789", "GB"));
    private final ThirdPartyRedaction redaction = new ThirdPartyRedaction(indexer, "GB",
            Set.of(indexer.email("ada.subject@example.com")), Set.of(indexer.phone("07911 123457")));

    @Test
    void otherPeoplesEmailAddressesAndPhoneNumbersGoTheSubjectsOwnStay() {
        ThirdPartyRedaction.Redacted<String> out = redaction.text("Reach her on Ada.Subject@Example.com or 07911 123457;"
                + " her partner on partner@example.org, +44 7712 345678 or (0161) 496 0000.", List.of());

        assertThat(out.value()).isEqualTo("Reach her on Ada.Subject@Example.com or 07911 123457; her partner on "
                + EMAIL + ", " + PHONE + " or " + PHONE + ".");
        assertThat(out.redactions()).isEqualTo(3);
    }

    @Test
    void listedNamesGoWhateverTheirCaseOrSpacingAndOnlyAsWholeWords() {
        ThirdPartyRedaction.Redacted<String> out = redaction.text(
                "JANE   doe drove her; Jane waited. Janet and Janeway are not listed.", List.of("Jane", " Jane Doe "));

        assertThat(out.value()).isEqualTo(NAME + " drove her; " + NAME + " waited. Janet and Janeway are not listed.");
        assertThat(out.redactions()).isEqualTo(2);
    }

    @Test
    void clinicalDetailsThatMerelyLookNumericAreLeftAlone() {
        String text = "Batch B-77, LOT 2025011512, 1.5ml on 2025-01-15; 20 units; ref 123456789012; batch 7912345678.";

        ThirdPartyRedaction.Redacted<String> out = redaction.text(text, List.of());

        assertThat(out.value()).isEqualTo(text);
        assertThat(out.redactions()).isZero();
    }

    @Test
    void aListedNameOrDigitsInsideTheSubjectsOwnAddressDoNotBreakIt() {
        ThirdPartyRedaction own = new ThirdPartyRedaction(indexer, "GB",
                Set.of(indexer.email("doe.07911123999@example.com")), Set.of());

        ThirdPartyRedaction.Redacted<String> out = own.text("write to doe.07911123999@example.com, not to Doe",
                List.of("Doe"));

        assertThat(out.value()).isEqualTo("write to doe.07911123999@example.com, not to " + NAME);
    }

    @Test
    void structuredDetailsAreRedactedStringByStringAtAnyDepth() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nextOfKin", Map.of("name", "Jane Doe", "phone", "07712 345678"));
        fields.put("contacts", List.of("jane@example.org", "ada.subject@example.com"));
        fields.put("doseMl", 1.5);
        fields.put("consented", true);

        ThirdPartyRedaction.Redacted<Object> out = redaction.value(fields, List.of("Jane Doe"));

        assertThat(out.value()).isEqualTo(Map.of("nextOfKin", Map.of("name", NAME, "phone", PHONE),
                "contacts", List.of(EMAIL, "ada.subject@example.com"), "doseMl", 1.5, "consented", true));
        assertThat(out.redactions()).isEqualTo(3);
        assertThat(redaction.value(null, List.of()).value()).isNull();
    }

    @Test
    void theSubjectsOwnAddressStaysHoweverTheSentenceAroundItQuotesOrPunctuatesIt() {
        String text = "Prefers email 'ada.subject@example.com'; also \"ADA.SUBJECT@EXAMPLE.COM\", "
                + "...ada.subject@example.com, <ada.subject@example.com>, ada.subject@example.com- and "
                + "(Ada.Subject@Example.Com).";

        ThirdPartyRedaction.Redacted<String> out = redaction.text(text, List.of());

        assertThat(out.value()).isEqualTo(text);
        assertThat(out.redactions()).isZero();
    }

    @Test
    void anotherPersonsAddressInTheSameQuotesAndPunctuationIsStillRedactedAndThePunctuationKept() {
        ThirdPartyRedaction.Redacted<String> out = redaction.text(
                "her sister 'sister@example.org', ...sister@example.org and sister@example.org-", List.of());

        assertThat(out.value()).isEqualTo("her sister '" + EMAIL + "', ..." + EMAIL + " and " + EMAIL + "-");
        assertThat(out.redactions()).isEqualTo(3);
    }

    @Test
    void theSubjectsOwnNumberStaysInEveryFormatItIsWrittenIn() {
        String text = "07911 123457, 07911123457, 07911-123-457, +447911123457, +44 7911 123457, 0044 7911 123457,"
                + " +44 (0)7911 123457, tel:+44-7911-123457";

        ThirdPartyRedaction.Redacted<String> out = redaction.text(text, List.of());

        assertThat(out.value()).isEqualTo(text);
        assertThat(out.redactions()).isZero();
    }
}
