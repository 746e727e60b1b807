package uk.alluris.kit.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * One slice of a sealed export too large for one Kafka message, kept (one document per slice, each well under the
 * store's 16 MB and the broker's 1 MB) with its {@link ExportPartIssued} event in its own outbox, so a chase can send
 * it again. Written before the receipt that names the parts.
 */
@Document(SealedExportPart.COLLECTION)
class SealedExportPart implements OutboxOwner {

    static final String COLLECTION = "privacy_export_parts";

    @Id
    String id;
    UUID requestId;
    int part;
    int parts;
    String sealedData;
    String exportDigest;
    List<OutboxMessage> outbox = new ArrayList<>();

    static SealedExportPart of(UUID requestId, int part, int parts, String sealedData, String exportDigest) {
        SealedExportPart slice = new SealedExportPart();
        slice.id = requestId + "/" + part;
        slice.requestId = requestId;
        slice.part = part;
        slice.parts = parts;
        slice.sealedData = sealedData;
        slice.exportDigest = exportDigest;
        return slice;
    }

    void send(String service, Instant now) {
        outbox.add(OutboxMessage.of(new ExportPartIssued(UUID.randomUUID(), requestId, service, part, parts, sealedData,
                exportDigest, now)));
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
