package uk.alluris.rights.bundle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored bundles ({@code bundles}): made once, changed by re-reading when another change got there first. */
@Component
class BundleRecords {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    BundleRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Bundle> find(UUID requestId) {
        return Optional.ofNullable(mongo.findById(requestId, Bundle.class));
    }

    /** The request's bundle, PENDING, unless it exists already (a second fan-out attempt changes nothing). */
    void pending(UUID requestId) {
        mongo.upsert(Query.query(where("_id").is(requestId)), new Update()
                .setOnInsert("status", BundleStatus.PENDING).setOnInsert("version", 0L), Bundle.class);
    }

    /** Keeps a download token's hash; one atomic update, which also moves the version so no stale save drops it. */
    void tokenIssued(UUID requestId, String tokenHash) {
        mongo.updateFirst(Query.query(where("_id").is(requestId)),
                new Update().push("downloadTokenHashes", tokenHash).inc("version", 1), Bundle.class);
    }

    List<Bundle> inState(BundleStatus status) {
        return mongo.find(Query.query(where("status").is(status)), Bundle.class);
    }

    List<Bundle> readyWithoutNotice() {
        return mongo.find(Query.query(where("status").is(BundleStatus.READY).and("noticeSentAt").is(null)),
                Bundle.class);
    }

    /** Bundles still downloadable that became ready before {@code before}: the register's end for bundles. */
    List<Bundle> readyBefore(Instant before) {
        return mongo.find(Query.query(where("status").is(BundleStatus.READY).and("readyAt").lt(before)), Bundle.class);
    }

    List<Bundle> readyAndDueBy(Instant now) {
        return mongo.find(Query.query(where("status").is(BundleStatus.READY).and("expiresAt").lte(now)), Bundle.class);
    }

    /** Applies {@code change} to the stored bundle, re-read on a conflict; returns whether it changed anything. */
    boolean change(UUID requestId, Consumer<Bundle> change) {
        for (int attempt = 1; ; attempt++) {
            Bundle fresh = mongo.findById(requestId, Bundle.class);
            if (fresh == null) {
                return false;
            }
            change.accept(fresh);
            try {
                mongo.save(fresh);
                return true;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
