package uk.alluris.benchmarks;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The second factor of the seeded privacy officer and administrator, computed as their authenticator app would
 * (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) from the local TOTP secret. The gateway accepts a code once and
 * only in a later step than the last one used, so each sign-in in this JVM takes the next unused step (the current
 * one, or the next, which the gateway still accepts), waiting for time to catch up when both are taken.
 */
public final class StaffCodes {

    /** The embedded default's TOTP secret for the seeded accounts (LOCAL DEFAULT ONLY, as set by ./run). */
    public static final String LOCAL_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private StaffCodes() {
    }

    /** The code for the next step not yet used by {@code username} in this JVM. */
    public static String next(String username, String base32Secret) {
        long step = LAST_STEP.merge(username, currentStep(), (last, now) -> Math.max(last + 1, now));
        long waitUntil = (step - 1) * STEP_SECONDS;
        while (Instant.now().getEpochSecond() < waitUntil) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return codeInStep(decode(base32Secret), step);
    }

    static long currentStep() {
        return Instant.now().getEpochSecond() / STEP_SECONDS;
    }

    static String codeInStep(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base32) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(base32.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }
}
