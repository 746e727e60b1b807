package uk.alluris.consent.cookies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.problem.ProblemException;

/**
 * An anonymous website visitor: 128 random bits (32 lower-case hex digits) the banner draws in the browser and keeps
 * in a first-party cookie. Only the cookie's holder knows it, which is what makes a claim by a stranger impossible in
 * practice; the store keeps only its SHA-256 ({@link #key()}), so a copy of the database cannot be used to claim one.
 */
record VisitorId(String value) {

    static final String FORMAT = "32 lower-case hexadecimal characters (128 random bits)";
    private static final Pattern HEX_128 = Pattern.compile("[0-9a-f]{32}");

    VisitorId {
        if (value == null || !HEX_128.matcher(value).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "visitorId must be " + FORMAT);
        }
    }

    /** What the store keeps instead of the id itself. */
    String key() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
