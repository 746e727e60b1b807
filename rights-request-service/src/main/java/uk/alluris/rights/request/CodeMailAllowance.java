package uk.alluris.rights.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At most {@link #UNVERIFIED_PER_ADDRESS} requests per address may wait for their mailed code at once: without it,
 * anyone could fill a stranger's inbox with codes. Each address has that many slots ({@code code_mail_slots}, keyed
 * {@code <email index>/<n>}); a filing claims a free one — one never claimed, or whose code has expired — in one
 * conditional upsert, so parallel filings cannot both take the last slot (the loser's upsert collides on the key). A
 * verified request gives its slot back. Only blind indexes and request ids are kept here.
 */
@Component
class CodeMailAllowance {

    static final int UNVERIFIED_PER_ADDRESS = 3;

    @Document("code_mail_slots")
    record Slot(@Id String id, UUID requestId, Instant until) {
    }

    private final MongoTemplate mongo;

    CodeMailAllowance(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Claims a slot for {@code requestId} until its code expires; false when every slot holds a live code. */
    boolean claim(String emailIndex, UUID requestId, Instant now, Instant until) {
        for (int n = 0; n < UNVERIFIED_PER_ADDRESS; n++) {
            Query free = Query.query(where("_id").is(emailIndex + "/" + n).and("until").lte(now));
            Update take = new Update().set("requestId", requestId).set("until", until);
            try {
                mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true), Slot.class);
                return true;
            } catch (DuplicateKeyException taken) {
                // this slot holds another request's live code; try the next
            }
        }
        return false;
    }

    /** The request is verified: its slot is free for another filing. */
    void release(UUID requestId) {
        mongo.remove(Query.query(where("requestId").is(requestId)), Slot.class);
    }
}
