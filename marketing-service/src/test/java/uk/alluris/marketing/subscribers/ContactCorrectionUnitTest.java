package uk.alluris.marketing.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule subscribers, sign-ups awaiting confirmation and leads follow to apply a rectification. */
class ContactCorrectionUnitTest {

    private final Enrolment.Contact held = new Enrolment.Contact("old@example.org", "e-old", "+447911000001", "p-old",
            "Pat Old");

    @Test
    void aCorrectedEmailReplacesTheAddressAndItsIndexAndLeavesTheRestAsItWas() {
        Enrolment.Contact corrected = held.corrected(new Enrolment.Contact("new@example.org", "e-new", null, null, null));

        assertThat(corrected).isEqualTo(new Enrolment.Contact("new@example.org", "e-new", "+447911000001", "p-old",
                "Pat Old"));
    }

    @Test
    void aCorrectedPhoneAndNameReplaceTheirsAndTheNameIsStripped() {
        Enrolment.Contact corrected = held.corrected(new Enrolment.Contact(null, null, "+447911000002", "p-new",
                "  Pat New "));

        assertThat(corrected).isEqualTo(new Enrolment.Contact("old@example.org", "e-old", "+447911000002", "p-new",
                "Pat New"));
    }

    @Test
    void aCorrectionRepeatingWhatIsHeldChangesNothing() {
        assertThat(held.corrected(new Enrolment.Contact("old@example.org", "e-other", "+447911000001", "p-other",
                "Pat Old "))).isEqualTo(held);
        assertThat(held.corrected(new Enrolment.Contact(null, null, null, null, null))).isEqualTo(held);
    }
}
