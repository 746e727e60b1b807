package uk.alluris.marketing.suppression;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The people marketing must never reach again, by blind index: after an erasure or an objection. */
@Service
public class SuppressionList {

    private final MongoTemplate mongo;
    private final Clock clock;

    SuppressionList(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Suppresses these blind indexes (nulls ignored); suppressing one already there changes nothing. */
    public void suppress(Collection<String> emailIndexes, Collection<String> phoneIndexes, SuppressionEntry.Reason reason) {
        emailIndexes.stream().filter(Objects::nonNull).forEach(index -> add(index, SuppressionEntry.Kind.EMAIL, reason));
        phoneIndexes.stream().filter(Objects::nonNull).forEach(index -> add(index, SuppressionEntry.Kind.PHONE, reason));
    }

    public boolean isSuppressed(String emailIndex, String phoneIndex) {
        List<String> indexes = java.util.stream.Stream.of(emailIndex, phoneIndex).filter(Objects::nonNull).toList();
        return !indexes.isEmpty() && mongo.exists(new Query(where("_id").in(indexes)), SuppressionEntry.class);
    }

    public Map<SuppressionEntry.Reason, Long> countsByReason() {
        Map<SuppressionEntry.Reason, Long> counts = new LinkedHashMap<>();
        for (SuppressionEntry.Reason reason : SuppressionEntry.Reason.values()) {
            counts.put(reason, mongo.count(new Query(where("reason").is(reason)), SuppressionEntry.class));
        }
        return counts;
    }

    /** First reason wins: an index suppressed after an objection and later erased stays one entry. */
    private void add(String index, SuppressionEntry.Kind kind, SuppressionEntry.Reason reason) {
        mongo.upsert(new Query(where("_id").is(index)), new Update().setOnInsert("kind", kind)
                .setOnInsert("reason", reason).setOnInsert("since", clock.instant()), SuppressionEntry.class);
    }
}
