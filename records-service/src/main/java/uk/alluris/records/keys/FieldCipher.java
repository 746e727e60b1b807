package uk.alluris.records.keys;

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
        return keys.existing(subjectId).map(aead -> {
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
