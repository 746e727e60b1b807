package uk.alluris.gateway.staff.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based codes (HMAC-SHA1, 6 digits, 30-second steps, as every authenticator app makes them). A code
 * from the step before or after is accepted too, for clocks a little apart; the caller records the step a code was
 * used in, so that it cannot be used again.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);

    private Totp() {
    }

    /** The time step in which {@code code} is this secret's code, if it is one near {@code now}. */
    public static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
        long current = now.getEpochSecond() / STEP.getSeconds();
        byte[] offered = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - 1; step <= current + 1; step++) {
            byte[] expected = codeInStep(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, offered)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code an authenticator shows at {@code time}. */
    public static String codeAt(byte[] secret, Instant time) {
        return codeInStep(secret, time.getEpochSecond() / STEP.getSeconds());
    }

    private static String codeInStep(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a TOTP secret is unusable", e);
        }
    }
}
