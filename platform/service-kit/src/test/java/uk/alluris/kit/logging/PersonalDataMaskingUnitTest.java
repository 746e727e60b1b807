package uk.alluris.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingUnitTest {

    @Test
    void emailsAndPhoneNumbersAreMasked() {
        String line = PersonalDataMasking.mask("could not send to Jane.Doe+x@example.co.uk or 07700 900123 or +44 7700 900123");

        assertThat(line).isEqualTo("could not send to [email] or [phone] or [phone]");
    }

    @Test
    void idsPortsAndTimesAreLeftReadable() {
        String line = "request 550e8400-e29b-41d4-a716-446655440000 on port 8081 took 1234 ms, offset 99812";

        assertThat(PersonalDataMasking.mask(line)).isEqualTo(line);
    }
}
