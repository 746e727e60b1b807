package uk.alluris.kit.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** What a secret is, and so how a fresh value is made. */
public enum SecretKind {

    /** 32 random bytes, base64: HMAC keys, link-signing keys, webhook secrets, tokens we choose. */
    RANDOM {
        @Override
        String generate(Optional<Aead> keyEncryptionKey) {
            byte[] bytes = new byte[32];
            RANDOMNESS.nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
    },

    /**
     * A Tink AEAD keyset (one AES-256-GCM key), as Tink's JSON keyset in base64 so it fits on one line of an env
     * file; encrypted under a KMS key when one is given (Tink's encrypted-keyset JSON, no associated data, as
     * {@code tinkey create-keyset --master-key-uri} writes it).
     */
    AEAD_KEYSET {
        @Override
        String generate(Optional<Aead> keyEncryptionKey) {
            try {
                AeadConfig.register();
                KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                String json = keyEncryptionKey.isPresent()
                        ? TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(keyset, keyEncryptionKey.get(), new byte[0])
                        : TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
                return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make an AEAD keyset", e);
            }
        }
    },

    /**
     * A value the generator cannot make: issued by another party (the Kafka cluster's credentials) or carried over
     * (a secret being rotated out). Left empty for the operator to fill in.
     */
    GIVEN {
        @Override
        String generate(Optional<Aead> keyEncryptionKey) {
            return "";
        }
    };

    private static final SecureRandom RANDOMNESS = new SecureRandom();

    /** A fresh value; an AEAD keyset is wrapped by the key-encryption key when there is one. */
    abstract String generate(Optional<Aead> keyEncryptionKey);
}
