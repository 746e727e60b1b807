package uk.alluris.marketing.campaigns;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;

/**
 * The {@code Idempotency-Key}s campaigns were created with: a caller that did not hear the answer (a timeout, a
 * dropped connection) sends the same request again and gets the same campaign, never a second one. The key is taken
 * by an atomic insert on the document id together with the campaign id it names and a digest of what was asked, so two
 * retries racing each other still make one campaign; the same key with a different request is refused. Keys are kept
 * {@link #KEPT_FOR} (a TTL index removes them), far longer than any client retries. No personal data: a key, a digest
 * and a campaign id.
 */
@Component
class CampaignRequests {

    static final String COLLECTION = "campaign_requests";
    static final Duration KEPT_FOR = Duration.ofDays(7);

    /** The campaign a key names; {@code first} when this request took the key. */
    record Taken(UUID campaignId, boolean first) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    CampaignRequests(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Whether an earlier request already took this key (its retry is answered, whatever has changed since). */
    boolean taken(String key) {
        return mongo.exists(new Query(where("_id").is(key)), COLLECTION);
    }

    /** Takes the key for this request, or answers the campaign an identical earlier request made (422 if not identical). */
    Taken take(String key, String list, String subject, String body, String channel) {
        String digest = digest(list, subject, body, channel);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        try {
            mongo.insert(new Document("_id", key).append("digest", digest).append("campaignId", id.toString())
                    .append("createdAt", now).append("expiresAt", now.plus(KEPT_FOR)), COLLECTION);
            return new Taken(id, true);
        } catch (DuplicateKeyException taken) {
            Document earlier = mongo.findOne(new Query(where("_id").is(key)), Document.class, COLLECTION);
            if (earlier == null) {
                // expired between our insert and our read: the key is free again
                return take(key, list, subject, body, channel);
            }
            if (!digest.equals(earlier.getString("digest"))) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                        "this Idempotency-Key was used for a different campaign; use a new key for a new campaign");
            }
            return new Taken(UUID.fromString(earlier.getString("campaignId")), false);
        }
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                // length-prefixed, so no two different requests share a digest by moving text between fields
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
