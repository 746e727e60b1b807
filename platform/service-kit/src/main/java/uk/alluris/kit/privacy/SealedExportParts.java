package uk.alluris.kit.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Cuts a sealed export too large for one Kafka message into parts that travel as their own events; the receipt then
 * names how many and the digest of the whole. The broker refuses messages over 1 MB; a part's text is
 * {@value #PART_CHARS} characters, which leaves room for the event around it.
 */
final class SealedExportParts {

    static final int PART_CHARS = 512 * 1024;

    private final MongoTemplate mongo;

    SealedExportParts(MongoTemplate mongo) {
        this.mongo = mongo;
        // parts left unsent by a crash are relayed after a restart
        mongo.getConverter().getMappingContext().getPersistentEntity(SealedExportPart.class);
    }

    static boolean tooLargeForOneMessage(String sealedExport) {
        return sealedExport.length() > PART_CHARS;
    }

    /** Saves the parts, each with its event waiting in its outbox; returns how many. */
    int send(UUID requestId, String sealedExport, String digest, String service, Instant now) {
        int parts = (sealedExport.length() + PART_CHARS - 1) / PART_CHARS;
        for (int part = 0; part < parts; part++) {
            String slice = sealedExport.substring(part * PART_CHARS, Math.min(sealedExport.length(),
                    (part + 1) * PART_CHARS));
            SealedExportPart saved = SealedExportPart.of(requestId, part, parts, slice, digest);
            saved.send(service, now);
            mongo.save(saved);
        }
        return parts;
    }

    /** A chase: every part of the request's export goes out again. */
    void sendAgain(UUID requestId, String service, Instant now) {
        for (SealedExportPart part : mongo.find(new Query(where("requestId").is(requestId)), SealedExportPart.class)) {
            part.send(service, now);
            mongo.save(part);
        }
    }

    static String digest(String sealedExport) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sealedExport.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
