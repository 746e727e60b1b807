package uk.alluris.marketing.suppression;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;

/**
 * The people marketing must not reach, by blind index: for good after an erasure or an objection, for as long as it
 * lasts during a restriction. Every write is an upsert or a delete keyed by the index, so repeating one (a
 * redelivered request) changes nothing.
 */
@Service
public class SuppressionList {

    private final MongoTemplate mongo;
    private final Restrictions restrictions;
    private final Clock clock;

    SuppressionList(MongoTemplate mongo, Restrictions restrictions, Clock clock) {
        this.mongo = mongo;
        this.restrictions = restrictions;
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

    /**
     * A person suppressed for good under the indexes they held is suppressed under their corrected ones too (nulls:
     * not corrected), for the first lasting reason found.
     */
    public void carryOver(Collection<String> heldIndexes, String emailIndex, String phoneIndex) {
        if (emailIndex == null && phoneIndex == null) {
            return;
        }
        Set<SuppressionEntry.Reason> reasons = new LinkedHashSet<>();
        heldIndexes.forEach(index -> reasons.addAll(reasonsFor(index, null)));
        reasons.stream().filter(SuppressionEntry.Reason::lasting).findFirst().ifPresent(reason -> suppress(
                emailIndex == null ? List.of() : List.of(emailIndex), phoneIndex == null ? List.of() : List.of(phoneIndex),
                reason));
    }

    /**
     * Removes the restriction entries of people no longer restricted. Checked against the restriction register
     * rather than against the lifting request's identifiers: a restriction asked by email and phone and lifted by
     * email alone releases both. Returns how many entries went.
     */
    public long releaseLiftedRestrictions() {
        long released = 0;
        for (SuppressionEntry entry : mongo.find(new Query(where("reason").is(SuppressionEntry.Reason.RESTRICTION)),
                SuppressionEntry.class)) {
            boolean email = entry.kind() == SuppressionEntry.Kind.EMAIL;
            if (!restrictions.isRestricted(null, email ? entry.index() : null, email ? null : entry.index())) {
                released += mongo.remove(new Query(where("_id").is(entry.index())
                        .and("reason").is(SuppressionEntry.Reason.RESTRICTION)), SuppressionEntry.class).getDeletedCount();
            }
        }
        return released;
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
