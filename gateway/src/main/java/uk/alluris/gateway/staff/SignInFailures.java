package uk.alluris.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wrong passwords counted per account AND source address, atomically (one conditional update each), so a guesser
 * locks the account only for the address they guess from: the member of staff still signs in from her own. The
 * key is a hash of both, so neither the name nor the address is stored here.
 */
@Component
class SignInFailures {

    private static final String COLLECTION = "staff_sign_in_failures";

    private final ReactiveMongoTemplate mongo;
    private final StaffAuthProperties policy;
    private final Clock clock;

    SignInFailures(ReactiveMongoTemplate mongo, StaffAuthProperties policy, Clock clock) {
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
    }

    static String key(String account, String address) {
        return AccountReference.key("sign-in", account, address);
    }

    Mono<Boolean> locked(String key) {
        Query lockedNow = new Query(Criteria.where("_id").is(key).and("lockedUntil").gt(Date.from(clock.instant())));
        return mongo.exists(lockedNow, COLLECTION);
    }

    /** Counts one wrong password; true when this one locked the account for this address. */
    Mono<Boolean> failed(String key) {
        Instant now = clock.instant();
        return mongo.findAndModify(new Query(Criteria.where("_id").is(key)),
                        new Update().inc("failures", 1).set("lastFailureAt", Date.from(now)),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .flatMap(counted -> counted.getInteger("failures", 0) < policy.maxFailedAttempts() ? Mono.just(false)
                        : mongo.updateFirst(new Query(Criteria.where("_id").is(key)),
                                new Update().set("failures", 0).set("lockedUntil", Date.from(now.plus(policy.lockFor()))),
                                COLLECTION).thenReturn(true));
    }

    Mono<Void> cleared(String key) {
        return mongo.remove(new Query(Criteria.where("_id").is(key)), COLLECTION).then();
    }
}
