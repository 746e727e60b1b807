package uk.alluris.gateway.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short pseudonymous reference for log lines: staff sign-in names are work email addresses (personal data), and
 * addresses are too; the reference lets an administrator match lines up, and the account list shows each one's.
 */
final class AccountReference {

    private AccountReference() {
    }

    static String of(String... parts) {
        return "acct-" + key(parts).substring(0, 12);
    }

    /** The full SHA-256 of the parts, for a document id that must not name what it is about. */
    static String key(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
