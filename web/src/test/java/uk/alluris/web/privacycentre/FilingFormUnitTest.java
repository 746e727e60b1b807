package uk.alluris.web.privacycentre;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilingFormUnitTest {

    private static FilingForm form(String type, String email, String phone) {
        return new FilingForm(type, email, " ", phone, null, null, null, null, null);
    }

    @Test
    void aChoiceAndAnEmailAddressAreAllAnErasureNeedsAndBlankOptionalFieldsAreLeftOut() {
        FilingForm form = form("ERASURE", "  ada@example.com ", "");

        assertThat(form.problems()).isEmpty();
        assertThat(form.toRequest()).containsOnlyKeys("type", "email").containsEntry("email", "ada@example.com");
    }

    @Test
    void eachFieldThatCannotBeSentIsNamedWithWhatIsAllowed() {
        assertThat(form(null, "ada@example", "call me").problems()).containsOnlyKeys("type", "email", "phone");
        assertThat(form("ERASE_EVERYONE", "ada@example.com", null).problems()).containsOnlyKeys("type");
        assertThat(form("ACCESS", "a da@example.com", "+44 7700 900123").problems()).containsOnlyKeys("email");
    }

    @Test
    void aCorrectionNeedsAtLeastOneDetailAsItShouldBeAndSendsOnlyThoseGiven() {
        assertThat(form("RECTIFICATION", "ada@example.com", null).problems()).containsOnlyKeys("correctedName");
        FilingForm correcting = new FilingForm("RECTIFICATION", "ada@example.com", null, null, null, "Ada Stone", null,
                null, "2999-01-01");
        assertThat(correcting.problems()).containsOnlyKeys("correctedDateOfBirth");
        FilingForm fine = new FilingForm("RECTIFICATION", "ada@example.com", null, null, null, "Ada Stone", null, null,
                "1984-02-29");
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.toRequest().get("corrections")).isEqualTo(
                java.util.Map.of("fullName", "Ada Stone", "dateOfBirth", "1984-02-29"));
    }
}
