package uk.alluris.records.keys;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Field-level encryption of clinical data under the subject's own key. Each ciphertext is bound to its subject, its
 * entry and its field, so a value copied elsewhere does not decrypt.
 */
public class FieldCipher {

    private final SubjectKeys keys;

    public FieldCipher(SubjectKeys keys) {
        this.keys = keys;
    }

    public String encrypt(String subjectId, String entryId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return Base64.getEncoder().encodeToString(keys.keyFor(subjectId)
                    .encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(subjectId, entryId, field)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + field + " of entry " + entryId, e);
        }
    }

    /** The plaintext, or empty when the subject's key is gone (the data was erased). */
    public Optional<String> decrypt(String subjectId, String entryId, String field, String ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        return decrypt(keys.existing(subjectId), subjectId, entryId, field, ciphertext);
    }

    /**
     * The subject's key, looked up and unwrapped once, for reading many of their fields in one go (an export of a
     * person with hundreds of entries: one look-up instead of one store round trip and unwrap per field). Held only
     * for that one piece of work, never kept: a key destroyed afterwards is gone for every later read.
     */
    public SubjectFields fieldsOf(String subjectId) {
        return new SubjectFields(subjectId, keys.existing(subjectId));
    }

    /** One subject's fields, read under the key {@link #fieldsOf} looked up; all empty when it was gone. */
    public static final class SubjectFields {

        private final String subjectId;
        private final Optional<Aead> key;

        private SubjectFields(String subjectId, Optional<Aead> key) {
            this.subjectId = subjectId;
            this.key = key;
        }

        /** The plaintext, or empty when there is none or the subject's key was gone. */
        public Optional<String> decrypt(String entryId, String field, String ciphertext) {
            return ciphertext == null ? Optional.empty() : FieldCipher.decrypt(key, subjectId, entryId, field, ciphertext);
        }
    }

    private static Optional<String> decrypt(Optional<Aead> key, String subjectId, String entryId, String field,
            String ciphertext) {
        return key.map(aead -> {
            try {
                return new String(aead.decrypt(Base64.getDecoder().decode(ciphertext),
                        associatedData(subjectId, entryId, field)), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot decrypt " + field + " of entry " + entryId, e);
            }
        });
    }

    /** Binary data (an image, a PDF) under the subject's own key, bound to its subject, item and part like a field. */
    public byte[] encryptBytes(String subjectId, String itemId, String part, byte[] plaintext) {
        try {
            return keys.keyFor(subjectId).encrypt(plaintext, associatedData(subjectId, itemId, part));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + part + " of " + itemId, e);
        }
    }

    /** The bytes, or empty when the subject's key is gone (crypto-shredded): then nothing can read them again. */
    public Optional<byte[]> decryptBytes(String subjectId, String itemId, String part, byte[] ciphertext) {
        if (ciphertext == null) {
            return Optional.empty();
        }
        return keys.existing(subjectId).map(aead -> {
            try {
                return aead.decrypt(ciphertext, associatedData(subjectId, itemId, part));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot decrypt " + part + " of " + itemId, e);
            }
        });
    }

    private static byte[] associatedData(String subjectId, String entryId, String field) {
        return (subjectId + "/" + entryId + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
