package uk.alluris.kit.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals the few values a privacy request must carry in plaintext form — a rectification's corrected details — so
 * that they never lie readable in Kafka. AES-256-GCM under a key derived (HKDF-SHA256, info
 * {@code alluris-privacy-transport-v1}) from the platform secret every service already shares for blind indexes;
 * the request id is the associated data, so a sealed value cannot be replayed into another request.
 */
public class TransportSeal {

    private static final byte[] INFO = "alluris-privacy-transport-v1".getBytes(StandardCharsets.UTF_8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Aead aead;

    public TransportSeal(String platformSecret) {
        try {
            byte[] key = Hkdf.computeHkdf("HMACSHA256", platformSecret.getBytes(StandardCharsets.UTF_8), new byte[0],
                    INFO, 32);
            this.aead = new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the privacy transport key", e);
        }
    }

    public String seal(Corrections corrections, UUID requestId) {
        try {
            byte[] plain = JSON.writeValueAsBytes(corrections);
            return Base64.getEncoder().encodeToString(aead.encrypt(plain, associatedData(requestId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal corrections", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed for this request under this platform's key */
    public Corrections open(String sealed, UUID requestId) {
        try {
            byte[] plain = aead.decrypt(Base64.getDecoder().decode(sealed), associatedData(requestId));
            return JSON.readValue(plain, Corrections.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the corrections of request " + requestId + " cannot be opened", e);
        }
    }

    private static byte[] associatedData(UUID requestId) {
        return ("rectification:" + requestId).getBytes(StandardCharsets.UTF_8);
    }
}
