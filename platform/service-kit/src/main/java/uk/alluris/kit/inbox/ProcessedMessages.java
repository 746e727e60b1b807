package uk.alluris.kit.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import uk.alluris.kit.messaging.CloudEvents;

/**
 * The idempotent-consumer guard: a consumer group remembers each CloudEvents id it has handled and skips a repeat.
 * <p>
 * The id is recorded after the handler succeeds. Without multi-document transactions a crash between the two runs
 * the handler again on redelivery, so handlers are written to be safe to repeat (upserts keyed by the request, a
 * receipt counted from the privacy journal); this guard makes the common case, a plain redelivery, cost nothing and
 * change nothing.
 * <p>
 * A record is kept for {@code retention} (default 30 days, well past the brokers' 7-day topic retention, after which
 * no redelivery can come): a TTL index on {@code handledAt} expires it on MongoDB. The embedded store accepts that
 * index but ignores it, so {@link #expire()} (run hourly by {@link ProcessedMessagesCleanup}) removes the same
 * records on both.
 */
public class ProcessedMessages {

    static final String COLLECTION = "processed_messages";
    static final String HANDLED_AT = "handledAt";
    private static final Logger log = LoggerFactory.getLogger(ProcessedMessages.class);

    private final MongoTemplate mongo;
    private final Duration retention;
    private final Clock clock;

    public ProcessedMessages(MongoTemplate mongo) {
        this(mongo, Duration.ofDays(30), Clock.systemUTC());
    }

    public ProcessedMessages(MongoTemplate mongo, Duration retention, Clock clock) {
        this.mongo = mongo;
        this.retention = retention;
        this.clock = clock;
        try {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(HANDLED_AT, Sort.Direction.ASC).expire(retention)
                    .named("handledAt_ttl"));
        } catch (DataAccessException differentRetention) {
            // MongoDB refuses to change an existing TTL index's expiry in place (the retention setting changed); the
            // hourly cleanup still applies the new retention, and the operator can drop the old index
            log.warn("processed-message TTL index not updated, the cleanup applies the retention: {}",
                    differentRetention.getMessage());
        }
    }

    /** Runs {@code handler} unless {@code consumer} has already handled this message; returns whether it ran. */
    public boolean handleOnce(String consumer, Message<?> message, Runnable handler) {
        return handleOnce(consumer, CloudEvents.id(message), handler);
    }

    public boolean handleOnce(String consumer, String messageId, Runnable handler) {
        String key = consumer + "/" + messageId;
        if (handled(key)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new Document("_id", key).append(HANDLED_AT, clock.instant()), COLLECTION);
        } catch (DuplicateKeyException concurrentRepeat) {
            // another instance handled the same message at the same moment; both results are the same
        }
        return true;
    }

    /**
     * Whether the key is recorded: a find by {@code _id} for the id alone. {@code MongoTemplate.exists} runs a count,
     * which the driver sends as an aggregation ({@code $match}, {@code $limit}, {@code $group}): several times the
     * work of this look-up on both stores, and it runs for every message every consumer takes.
     */
    private boolean handled(String key) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", key)).projection(new Document("_id", 1))
                .limit(1).first() != null;
    }

    /** Removes the records older than the retention, as the TTL index does on MongoDB; returns how many went. */
    public long expire() {
        Instant before = clock.instant().minus(retention);
        return mongo.remove(new Query(where(HANDLED_AT).lt(before)), COLLECTION).getDeletedCount();
    }
}
