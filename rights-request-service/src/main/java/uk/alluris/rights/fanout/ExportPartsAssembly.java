package uk.alluris.rights.fanout;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.alluris.events.EventType;
import uk.alluris.events.ExportPartIssued;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.kit.messaging.EventJson;

/**
 * Joins an export that came in parts ({@link ExportPartIssued}) back into the receipt that names them. Parts and
 * receipt arrive in any order (each leaves its service's outbox on its own): the parts are kept, still sealed, by
 * request, service and digest of the whole; a receipt that arrives before its last part waits here, and whichever
 * arrives last completes it. The joined text must match the receipt's digest; parts of another sealing of the same
 * export (a service that died and sealed it again) are never mixed in. Once joined, the parts and the waiting
 * receipt go: the bundle feature keeps the sealed export from then on.
 */
@Component
class ExportPartsAssembly {

    static final String PARTS = "receipt_export_parts";
    static final String WAITING = "receipts_awaiting_parts";

    private final MongoTemplate mongo;

    ExportPartsAssembly(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps a part; returns the receipt it completes, with the export joined, if it was the last one missing. */
    Optional<ReceiptIssued> keep(ExportPartIssued part) {
        String id = part.requestId() + "/" + part.service() + "/" + part.exportDigest() + "/" + part.part();
        mongo.upsert(new Query(where("_id").is(id)), new Update().set("requestId", part.requestId().toString())
                .set("service", part.service()).set("digest", part.exportDigest()).set("part", part.part())
                .set("sealedData", part.sealedData()), PARTS);
        Document waiting = mongo.findById(key(part.requestId().toString(), part.service()), Document.class, WAITING);
        if (waiting == null) {
            return Optional.empty();
        }
        return joined((ReceiptIssued) EventJson.read(waiting.getString("receipt").getBytes(StandardCharsets.UTF_8),
                EventType.RECEIPT_ISSUED));
    }

    /**
     * A receipt whose export came in parts: the receipt with the export joined when every part is here; otherwise
     * it waits for the last part and this returns empty.
     */
    Optional<ReceiptIssued> complete(ReceiptIssued receipt) {
        Optional<ReceiptIssued> joined = joined(receipt);
        if (joined.isEmpty()) {
            mongo.upsert(new Query(where("_id").is(key(receipt.requestId().toString(), receipt.service()))),
                    new Update().set("receipt", EventJson.write(receipt)), WAITING);
        }
        return joined;
    }

    private Optional<ReceiptIssued> joined(ReceiptIssued receipt) {
        Query ofThisSealing = new Query(where("requestId").is(receipt.requestId().toString())
                .and("service").is(receipt.service()).and("digest").is(receipt.exportDigest()))
                .with(Sort.by("part"));
        List<Document> parts = mongo.find(ofThisSealing, Document.class, PARTS);
        if (parts.size() < receipt.exportParts()) {
            return Optional.empty();
        }
        StringBuilder sealed = new StringBuilder();
        parts.forEach(part -> sealed.append(part.getString("sealedData")));
        if (!digest(sealed.toString()).equals(receipt.exportDigest())) {
            throw new IllegalArgumentException("the joined export parts of request " + receipt.requestId() + " from "
                    + receipt.service() + " do not match the receipt's digest");
        }
        return Optional.of(new ReceiptIssued(receipt.eventId(), receipt.requestId(), receipt.service(),
                receipt.requestType(), receipt.categories(), receipt.occurredAt(), sealed.toString(),
                receipt.exportParts(), receipt.exportDigest()));
    }

    /** The bundle feature has kept the export: the parts and the waiting receipt are no longer needed. */
    void done(ReceiptIssued receipt) {
        mongo.remove(new Query(where("requestId").is(receipt.requestId().toString()).and("service")
                .is(receipt.service())), PARTS);
        mongo.remove(new Query(where("_id").is(key(receipt.requestId().toString(), receipt.service()))), WAITING);
    }

    private static String key(String requestId, String service) {
        return requestId + "/" + service;
    }

    private static String digest(String sealed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sealed.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
