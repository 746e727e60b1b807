package uk.alluris.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StaffCodesUnitTest {

    @Test
    void codesAreTheOnesRfc6238ListsForItsSha1TestSecret() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(StaffCodes.codeInStep(secret, 59 / 30)).isEqualTo("287082");
        assertThat(StaffCodes.codeInStep(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(StaffCodes.codeInStep(secret, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void theLocalSecretDecodesFromBase32() {
        assertThat(StaffCodes.decode("JBSWY3DPEHPK3PXP")).containsExactly('H', 'e', 'l', 'l', 'o', '!', 0xde - 256,
                0xad - 256, 0xbe - 256, 0xef - 256);
    }

    @Test
    void eachSignInInOneJvmTakesALaterStepThanTheLast() {
        String first = StaffCodes.next("someone@alluris.local", StaffCodes.LOCAL_SECRET);
        String second = StaffCodes.next("someone@alluris.local", StaffCodes.LOCAL_SECRET);

        assertThat(second).isNotEqualTo(first).matches("\\d{6}");
    }
}
