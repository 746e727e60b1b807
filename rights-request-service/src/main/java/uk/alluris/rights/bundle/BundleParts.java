package uk.alluris.rights.bundle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.rights.request.PrivacyRequest;

/**
 * Keeps each service's sealed export for its request, as it arrived, until the bundle expires. An export is checked
 * to open with the request's key before it is kept, so a bundle never turns out to have an unreadable part at
 * download time: one that does not open is refused (the receipt goes to the dead-letter topic, where staff see it, and
 * the request stays in progress).
 */
@Component
class BundleParts {

    private static final Logger log = LoggerFactory.getLogger(BundleParts.class);

    private final MongoTemplate mongo;
    private final ExportKeys keys;

    BundleParts(MongoTemplate mongo, ExportKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    /**
     * Keeps the export a receipt carries, if it belongs in the request's bundle: an export request, a registered
     * service, a key not yet destroyed (the bundle has not expired). Safe to repeat (one part per request and service).
     *
     * @throws IllegalArgumentException when the export does not open with the request's key
     */
    void keep(PrivacyRequest request, ReceiptIssued receipt, Instant now) {
        if (!request.type().isExport() || receipt.sealedExport() == null
                || !request.answers().containsKey(receipt.service())) {
            return;
        }
        Optional<KeysetHandle> key = keys.open(request.id());
        if (key.isEmpty()) {
            log.warn("export for request {} from {} arrived after its key was destroyed; not kept", request.id(),
                    receipt.service());
            return;
        }
        try {
            ExportSeal.open(key.get(), receipt.sealedExport(), request.id(), receipt.service());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the export from " + receipt.service() + " for request " + request.id()
                    + " does not open with the request's key");
        }
        mongo.save(BundlePart.of(request.id(), receipt.service(), receipt.sealedExport(), now));
    }

    List<BundlePart> of(UUID requestId) {
        return mongo.find(Query.query(where("requestId").is(requestId)), BundlePart.class);
    }

    void deleteAll(UUID requestId) {
        mongo.remove(Query.query(where("requestId").is(requestId)), BundlePart.class);
    }
}
