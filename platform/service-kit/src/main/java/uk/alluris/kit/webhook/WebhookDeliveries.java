package uk.alluris.kit.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The webhook deliveries a service has already taken, by a key that names one delivery (the sender's event id, or the
 * signed timestamp and body). A signature stays acceptable for {@link WebhookSignature#TOLERANCE} either side of now,
 * so within that window a captured delivery can be sent again word for word and still verify: taking each key once,
 * by an atomic insert on the document id, gives such a replay no second effect. Keys are kept for {@link #KEPT_FOR}
 * (a TTL index removes them), far longer than any signature stays acceptable.
 */
public class WebhookDeliveries {

    static final String COLLECTION = "webhook_deliveries";
    /** Longer than the signature window on both sides of now, with room for the TTL monitor's own delay. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);

    private final MongoTemplate mongo;
    private final Clock clock;

    public WebhookDeliveries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** The key of a delivery signed at {@code timestamp}: the same signed content always gives the same key. */
    public static String signedKey(String source, long timestamp, byte[] body) {
        return source + ":signed:" + timestamp + ":" + sha256(body);
    }

    /** Takes the delivery; false when this key was taken before (a replay or a repeat), which must change nothing. */
    public boolean firstTime(String key) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("receivedAt", now).append("expiresAt", now.plus(KEPT_FOR)),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Gives a key back when handling its delivery failed, so that the sender's retry is taken. */
    public void forget(String key) {
        mongo.remove(new Query(Criteria.where("_id").is(key)), COLLECTION);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
