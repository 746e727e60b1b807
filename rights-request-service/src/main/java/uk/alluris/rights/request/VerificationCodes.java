package uk.alluris.rights.request;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import uk.alluris.kit.identity.BlindIndexProperties;

/**
 * Verification codes are kept only as keyed hashes: HMAC-SHA256 under the platform secret, bound to the request.
 * A six-digit code is a million guesses whatever the hash, so a slow hash (BCrypt) would add no strength — it only
 * cost ~100 ms of CPU per request; what protects a code is the key (no offline guessing without it), five attempts
 * and a 24-hour life.
 */
@Component
class VerificationCodes {

    private final SecretKeySpec key;

    VerificationCodes(BlindIndexProperties platform) {
        this.key = new SecretKeySpec(platform.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String hash(UUID requestId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("privacy-request-code/" + requestId + "/" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    boolean matches(UUID requestId, String code, String hash) {
        return MessageDigest.isEqual(hash(requestId, code).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }
}
