package uk.alluris.rights.bundle;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The private half of one request's export key, as Tink's encrypted keyset under the service's keyset (bound to the
 * request). It lives in its own document so that destroying it is one delete, and nothing else holds it.
 */
@Document(ExportKey.COLLECTION)
class ExportKey {

    static final String COLLECTION = "export_keys";

    @Id
    UUID requestId;
    byte[] encryptedKeyset;
    String publicKey;
    Instant mintedAt;

    static ExportKey of(UUID requestId, byte[] encryptedKeyset, String publicKey, Instant mintedAt) {
        ExportKey key = new ExportKey();
        key.requestId = requestId;
        key.encryptedKeyset = encryptedKeyset;
        key.publicKey = publicKey;
        key.mintedAt = mintedAt;
        return key;
    }
}
