package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Opens the keysets services are configured with. A keyset is Tink's JSON form, or that JSON in base64 (one line
 * for an env file). In production it is an encrypted keyset, unwrapped at start by the key-encryption key the KMS
 * holds ({@code ALLURIS_KMS_KEY_URI}, e.g. {@code gcp-kms://projects/…/cryptoKeys/…} or
 * {@code aws-kms://arn:aws:kms:…}), so the keyset's plaintext is in no file, variable or backup. A plaintext keyset is
 * accepted only in the local profile or where {@code ALLURIS_ALLOW_PLAINTEXT_KEYSETS=true} says so.
 */
public final class Keysets {

    private final String kmsKeyUri;
    private final boolean plaintextAllowed;

    /** @param kmsKeyUri the key-encryption key's URI, or blank where there is none */
    public Keysets(String kmsKeyUri, boolean plaintextAllowed) {
        this.kmsKeyUri = kmsKeyUri == null ? "" : kmsKeyUri.strip();
        this.plaintextAllowed = plaintextAllowed;
    }

    /** The AEAD primitive of the keyset held in {@code variable}; refuses a plaintext keyset where none is allowed. */
    public Aead aead(String variable, String value) {
        try {
            AeadConfig.register();
            return handle(variable, value).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(variable + " is not a Tink AEAD keyset", e);
        }
    }

    private KeysetHandle handle(String variable, String value) throws GeneralSecurityException {
        String json = json(variable, value);
        if (isEncrypted(json)) {
            if (kmsKeyUri.isEmpty()) {
                throw new IllegalStateException(variable + " is an encrypted keyset but ALLURIS_KMS_KEY_URI is not set");
            }
            return TinkJsonProtoKeysetFormat.parseEncryptedKeyset(json, KeyEncryptionKeys.aead(kmsKeyUri), new byte[0]);
        }
        if (!plaintextAllowed) {
            throw new IllegalStateException(variable + " is a plaintext keyset: wrap it with a KMS key "
                    + "(ALLURIS_KMS_KEY_URI) or set ALLURIS_ALLOW_PLAINTEXT_KEYSETS=true");
        }
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    /** Whether the value is Tink's encrypted-keyset JSON (or that JSON in base64). */
    public static boolean isEncrypted(String value) {
        try {
            return json("keyset", value).contains("\"encryptedKeyset\"");
        } catch (IllegalStateException notAKeyset) {
            return false;
        }
    }

    static String json(String variable, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set");
        }
        String stripped = value.strip();
        if (stripped.startsWith("{")) {
            return stripped;
        }
        try {
            return new String(Base64.getMimeDecoder().decode(stripped), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is neither a keyset's JSON nor that JSON in base64", e);
        }
    }
}
