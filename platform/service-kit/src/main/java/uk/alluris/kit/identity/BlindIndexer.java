package uk.alluris.kit.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blind indexes: HMAC-SHA256 under the platform secret over the normalised email or E.164 phone, base64url without
 * padding (43 characters). Services match one person across databases and events by these, never by plaintext.
 * The email and phone inputs are domain-separated so an email can never collide with a phone number.
 */
public class BlindIndexer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String defaultRegion;

    public BlindIndexer(BlindIndexProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.defaultRegion = properties.defaultRegion();
    }

    public String email(String rawEmail) {
        return index("email:" + Normalisation.email(rawEmail));
    }

    public String phone(String rawPhone) {
        return index("phone:" + Normalisation.phone(rawPhone, defaultRegion));
    }

    /** The number in E.164 form, as stored beside its index. */
    public String normalisePhone(String rawPhone) {
        return Normalisation.phone(rawPhone, defaultRegion);
    }

    private String index(String normalised) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
