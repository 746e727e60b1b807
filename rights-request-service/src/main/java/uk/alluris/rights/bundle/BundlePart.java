package uk.alluris.rights.bundle;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One service's export for one request, exactly as it arrived: still sealed to the request's key. */
@Document(BundlePart.COLLECTION)
class BundlePart {

    static final String COLLECTION = "bundle_parts";

    @Id
    String id;
    @Indexed
    UUID requestId;
    String service;
    String sealedExport;
    Instant receivedAt;

    static BundlePart of(UUID requestId, String service, String sealedExport, Instant receivedAt) {
        BundlePart part = new BundlePart();
        part.id = requestId + "/" + service;
        part.requestId = requestId;
        part.service = service;
        part.sealedExport = sealedExport;
        part.receivedAt = receivedAt;
        return part;
    }
}
