package uk.alluris.kit.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import uk.alluris.kit.messaging.CloudEvents;

/**
 * The idempotent-consumer guard: a consumer group remembers each CloudEvents id it has handled and skips a repeat.
 * <p>
 * The id is recorded after the handler succeeds. Without multi-document transactions a crash between the two runs
 * the handler again on redelivery, so handlers are written to be safe to repeat (upserts keyed by the request, a
 * receipt computed from state); this guard makes the common case, a plain redelivery, cost nothing and change
 * nothing.
 */
public class ProcessedMessages {

    static final String COLLECTION = "processed_messages";

    private final MongoTemplate mongo;

    public ProcessedMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code handler} unless {@code consumer} has already handled this message; returns whether it ran. */
    public boolean handleOnce(String consumer, Message<?> message, Runnable handler) {
        return handleOnce(consumer, CloudEvents.id(message), handler);
    }

    public boolean handleOnce(String consumer, String messageId, Runnable handler) {
        String key = consumer + "/" + messageId;
        if (mongo.exists(new Query(where("_id").is(key)), COLLECTION)) {
            return false;
        }
        handler.run();
        try {
            mongo.insert(new Document("_id", key).append("handledAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException concurrentRepeat) {
            // another instance handled the same message at the same moment; both results are the same
        }
        return true;
    }
}
