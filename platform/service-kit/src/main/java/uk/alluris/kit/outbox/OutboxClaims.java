package uk.alluris.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases on documents' outboxes, so that of several replicas exactly one relays a document's entries at a time: a
 * relay claims the document with a conditional write only one replica can win (the claim is free, expired, or
 * already its own), sends, and releases. A replica that dies holding a claim holds it only until {@code claimFor}
 * has passed; then another takes it over. Claims live in a collection of their own, not in the aggregate's document,
 * because the aggregate's next save replaces its document and would drop a claim written there. They hold only
 * collection names and document ids (no personal data) and go as soon as they are released.
 */
final class OutboxClaims {

    static final String COLLECTION = "outbox_claims";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration claimFor;
    private final String holder;

    OutboxClaims(MongoTemplate mongo, Clock clock, Duration claimFor, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.claimFor = claimFor;
        this.holder = holder;
    }

    /** Claims the document's outbox for this relay; false while another relay's unexpired claim holds it. */
    boolean claim(String collection, Object id) {
        Instant now = clock.instant();
        Query free = new Query(where("_id").is(key(collection, id))
                .orOperator(where("until").lte(now), where("holder").is(holder)));
        try {
            // no claim (or only a claim that does not match) means an insert, which the unique _id lets only one win
            mongo.upsert(free, new Update().set("holder", holder).set("until", now.plus(claimFor)), COLLECTION);
            return true;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the claim up, if it is still this relay's (an expired one may have been taken over meanwhile). */
    void release(String collection, Object id) {
        mongo.remove(new Query(Criteria.where("_id").is(key(collection, id)).and("holder").is(holder)), COLLECTION);
    }

    String holder() {
        return holder;
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }
}
