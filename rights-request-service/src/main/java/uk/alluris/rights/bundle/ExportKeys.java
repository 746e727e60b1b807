package uk.alluris.rights.bundle;

import com.google.crypto.tink.KeysetHandle;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.rights.contact.ContactSeal;

/**
 * Per-request export keys (Tink HPKE): minted when an access or portability request fans out, the public half sent
 * with it, the private half kept encrypted at rest until the bundle expires — then destroyed, so every export still
 * in a topic or a backup of a part can no longer be opened.
 */
@Component
class ExportKeys {

    private final MongoTemplate mongo;
    private final ContactSeal seal;

    ExportKeys(MongoTemplate mongo, ContactSeal seal) {
        this.mongo = mongo;
        this.seal = seal;
    }

    /**
     * The request's key pair, minted once: a second call (two verifications racing, a retry after a crash before the
     * request was saved) gets the same public half, so whichever fan-out wins, its key opens the exports.
     * Returns the public half (Tink JSON).
     */
    String mint(UUID requestId, Instant now) {
        ExportKey existing = mongo.findById(requestId, ExportKey.class);
        if (existing != null) {
            return existing.publicKey;
        }
        KeysetHandle key = ExportSeal.newRecipientKey();
        String publicKey = ExportSeal.publicKeyOf(key);
        try {
            mongo.insert(ExportKey.of(requestId, seal.wrapKey(requestId, key), publicKey, now));
            return publicKey;
        } catch (DuplicateKeyException mintedMeanwhile) {
            return mongo.findById(requestId, ExportKey.class).publicKey;
        }
    }

    /** The request's private key, while it exists. */
    Optional<KeysetHandle> open(UUID requestId) {
        return Optional.ofNullable(mongo.findById(requestId, ExportKey.class))
                .map(key -> seal.unwrapKey(requestId, key.encryptedKeyset));
    }

    boolean exists(UUID requestId) {
        return mongo.findById(requestId, ExportKey.class) != null;
    }

    /** Deletes the private key; nothing opens the request's exports afterwards. */
    void destroy(UUID requestId) {
        mongo.remove(Query.query(Criteria.where("_id").is(requestId)), ExportKey.class);
    }
}
