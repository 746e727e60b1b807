package uk.alluris.gateway.staff.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpUnitTest {

    // RFC 6238 appendix B: the SHA-1 seed, and its 8-digit codes' last six digits
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreTheOnesTheRfcListsForItsTestSecret() {
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    }

    @Test
    void aCodeFromTheStepBeforeOrAfterIsAcceptedAndTellsItsStep() {
        Instant now = Instant.ofEpochSecond(1111111109);
        String previous = Totp.codeAt(RFC_SECRET, now.minusSeconds(30));

        assertThat(Totp.matchingStep(RFC_SECRET, previous, now)).hasValue(1111111109 / 30 - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, now.plusSeconds(30)), now))
                .hasValue(1111111109 / 30 + 1);
    }

    @Test
    void aCodeFromTwoStepsAwayOrAnotherSecretIsRefused() {
        Instant now = Instant.ofEpochSecond(1111111109);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.codeAt(RFC_SECRET, now.minusSeconds(61)), now)).isEmpty();
        assertThat(Totp.matchingStep("another-secret-here!".getBytes(StandardCharsets.US_ASCII),
                Totp.codeAt(RFC_SECRET, now), now)).isEmpty();
    }

    @Test
    void base32RoundTripsAndReadsTheUsualAuthenticatorSecret() {
        byte[] bytes = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 0xff, 0 };

        assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        assertThat(Base32.decode("JBSWY3DPEHPK3PXP"))
                .isEqualTo(new byte[] { 'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef });
    }

    @Test
    void recoveryCodesAreTenDistinctOnesWhoseHashIgnoresCaseAndDashes() {
        var codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(RecoveryCodes::looksLikeOne);
        String code = codes.get(0);
        assertThat(RecoveryCodes.hash(code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCodes.hash(code));
        assertThat(RecoveryCodes.hash(code)).isNotEqualTo(RecoveryCodes.hash(codes.get(1))).doesNotContain(code);
    }
}
