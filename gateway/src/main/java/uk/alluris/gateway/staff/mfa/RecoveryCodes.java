package uk.alluris.gateway.staff.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One-time recovery codes for a lost authenticator: ten per enrolment, 80 random bits each (so a plain SHA-256 is a
 * safe way to store them: there is nothing to guess), shown once and kept only as hashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        return IntStream.range(0, COUNT).mapToObj(i -> {
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String code = Base32.encode(bytes).toLowerCase(Locale.ROOT);
            return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12, 16);
        }).toList();
    }

    /** The stored form of a code as typed: case, spaces and dashes do not matter. */
    public static String hash(String code) {
        String normal = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the text has a recovery code's shape (16 base32 characters, dashes aside). */
    public static boolean looksLikeOne(String code) {
        return code.replaceAll("[\\s-]", "").matches("(?i)[a-z2-7]{16}");
    }
}
