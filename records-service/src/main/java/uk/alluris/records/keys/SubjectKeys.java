package uk.alluris.records.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One Tink AEAD key per data subject, stored wrapped under the service's master keyset. Destroying a subject's key is
 * how their clinical data is erased: every copy of the ciphertext — in this store, its backups, anywhere — becomes
 * unreadable at once (crypto-shredding).
 */
public class SubjectKeys {

    static final String COLLECTION = "subject_keys";

    private final MongoTemplate mongo;
    private final Aead master;
    private final Clock clock;

    /** @param master the master keyset's AEAD, opened by the kit's Keysets (KMS-wrapped in production) */
    public SubjectKeys(MongoTemplate mongo, Aead master, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.master = master;
    }

    /** The subject's key, made on first use. */
    public Aead keyFor(String subjectId) {
        return existing(subjectId).orElseGet(() -> create(subjectId));
    }

    /** The subject's key, or empty once it has been destroyed (or was never made). */
    public Optional<Aead> existing(String subjectId) {
        Document stored = mongo.findById(subjectId, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseEncryptedKeyset(
                    Base64.getDecoder().decode(stored.getString("wrappedKeyset")), master, associatedData(subjectId));
            return Optional.of(handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of subject " + subjectId + " cannot be unwrapped", e);
        }
    }

    /** Destroys the subject's key; returns whether there was one. */
    public boolean destroy(String subjectId) {
        return mongo.remove(new Query(Criteria.where("_id").is(subjectId)), COLLECTION).getDeletedCount() > 0;
    }

    private Aead create(String subjectId) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, associatedData(subjectId));
            mongo.insert(new Document("_id", subjectId).append("wrappedKeyset", Base64.getEncoder().encodeToString(wrapped))
                    .append("createdAt", clock.instant()), COLLECTION);
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (DuplicateKeyException madeMeanwhile) {
            return existing(subjectId).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a key for subject " + subjectId, e);
        }
    }

    private static byte[] associatedData(String subjectId) {
        return ("records-subject-key:" + subjectId).getBytes(StandardCharsets.UTF_8);
    }
}
