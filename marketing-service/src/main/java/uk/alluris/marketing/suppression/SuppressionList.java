package uk.alluris.marketing.suppression;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The people marketing must not reach, by blind index: for good after an erasure or an objection, for as long as it
 * lasts during a restriction. Every write is an upsert or a delete keyed by the index, so repeating one (a
 * redelivered request) changes nothing.
 */
@Service
public class SuppressionList {

    private final MongoTemplate mongo;
    private final Clock clock;

    SuppressionList(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Suppresses these blind indexes (nulls ignored). An index already there keeps its first lasting reason; one
     * suppressed only while restricted becomes lasting when the person is then erased or objects, so lifting the
     * restriction later cannot release them.
     */
    public void suppress(Collection<String> emailIndexes, Collection<String> phoneIndexes, SuppressionEntry.Reason reason) {
        emailIndexes.stream().filter(Objects::nonNull).forEach(index -> add(index, SuppressionEntry.Kind.EMAIL, reason));
        phoneIndexes.stream().filter(Objects::nonNull).forEach(index -> add(index, SuppressionEntry.Kind.PHONE, reason));
    }

    /** Why any of these indexes (nulls ignored) is suppressed; empty when it is not. */
    public Set<SuppressionEntry.Reason> reasonsFor(String emailIndex, String phoneIndex) {
        List<String> indexes = Stream.of(emailIndex, phoneIndex).filter(Objects::nonNull).toList();
        Set<SuppressionEntry.Reason> reasons = EnumSet.noneOf(SuppressionEntry.Reason.class);
        if (!indexes.isEmpty()) {
            mongo.find(new Query(where("_id").in(indexes)), SuppressionEntry.class)
                    .forEach(entry -> reasons.add(entry.reason()));
        }
        return reasons;
    }

    /** The entry for one blind index, if it is suppressed. */
    public java.util.Optional<SuppressionEntry> entry(String index) {
        return java.util.Optional.ofNullable(mongo.findById(index, SuppressionEntry.class));
    }

    public Map<SuppressionEntry.Reason, Long> countsByReason() {
        Map<SuppressionEntry.Reason, Long> counts = new LinkedHashMap<>();
        for (SuppressionEntry.Reason reason : SuppressionEntry.Reason.values()) {
            counts.put(reason, mongo.count(new Query(where("reason").is(reason)), SuppressionEntry.class));
        }
        return counts;
    }

    private void add(String index, SuppressionEntry.Kind kind, SuppressionEntry.Reason reason) {
        if (reason.lasting()) {
            mongo.updateFirst(new Query(where("_id").is(index).and("reason").is(SuppressionEntry.Reason.RESTRICTION)),
                    new Update().set("reason", reason).set("since", clock.instant()), SuppressionEntry.class);
        }
        mongo.upsert(new Query(where("_id").is(index)), new Update().setOnInsert("kind", kind)
                .setOnInsert("reason", reason).setOnInsert("since", clock.instant()), SuppressionEntry.class);
    }
}
