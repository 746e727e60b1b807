package uk.alluris.kit.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The journal that keeps a receipt equal to what was there when a service dies half way through a privacy request.
 * <p>
 * The store has no multi-document transactions, so a service killed between its deletes and its receipt finds less on
 * redelivery than it held. Each feature therefore names what it is about to act on — {@link #planned} with the ids of
 * the records it found — before it changes anything; the ids are added to this request's journal entry for that
 * effect, and the count it returns is every id ever planned for it, so a redelivery that finds fewer records (some
 * already deleted or anonymised) still counts the ones acted on the first time. Acting again on an id already acted
 * on is a no-op, so the effect itself is idempotent. The journal of a request is removed once its receipt is saved
 * (the receipt is then the record); outside a request (a retention job) {@link #planned} just counts.
 */
public class PrivacyEffects {

    static final String COLLECTION = "privacy_effects";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ThreadLocal<Journal> acting = new ThreadLocal<>();
    private volatile Consumer<String> checkpoint = point -> { };

    public PrivacyEffects(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // the journal is removed by request once the receipt is saved: by index, not by reading every open journal
        mongo.indexOps(COLLECTION).createIndex(new Index().on("requestId", Sort.Direction.ASC).named("requestId"));
    }

    /**
     * Journals the records an effect is about to act on and returns how many it has acted on for this request in all
     * (this run's and any earlier, interrupted run's). Call it after finding the records and before changing them.
     */
    public int planned(String effect, Collection<?> targets) {
        return targets(effect, targets).size();
    }

    /**
     * Like {@link #planned}, but returns the ids themselves: every id planned for the effect in this request, so a
     * feature can go on acting on records it found the first time (a person's profile ids, after the profiles are gone).
     */
    public List<String> targets(String effect, Collection<?> targets) {
        Journal journal = acting.get();
        List<String> ids = targets.stream().map(String::valueOf).distinct().toList();
        if (journal == null) {
            return ids;
        }
        List<String> planned;
        if (ids.isEmpty()) {
            planned = journal.planned(effect);
        } else {
            Document entry = mongo.findAndModify(new Query(where("_id").is(journal.request + "/" + effect)),
                    new Update().addToSet("targets").each(ids.toArray())
                            .setOnInsert("requestId", journal.request.toString()).setOnInsert("plannedAt", clock.instant()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            planned = journal.written(effect, Objects.requireNonNull(entry));
        }
        checkpoint.accept("planned " + effect);
        return planned;
    }

    /**
     * One request's journal as this run knows it. An effect with nothing to act on now only reads what an earlier,
     * interrupted run planned: the request's whole journal is read once (by its index) on the first such effect, not
     * once per effect, and what this run writes is kept as the store returned it. Only the thread acting on the
     * request writes its journal (a redelivery is the same request again, after this run), so the copy stays true.
     */
    private final class Journal {

        private final UUID request;
        private final Map<String, List<String>> byEffect = new HashMap<>();
        private boolean read;

        private Journal(UUID request) {
            this.request = request;
        }

        List<String> planned(String effect) {
            if (!read) {
                for (Document entry : mongo.find(new Query(where("requestId").is(request.toString())), Document.class,
                        COLLECTION)) {
                    byEffect.putIfAbsent(entry.getString("_id").substring(request.toString().length() + 1),
                            targetsOf(entry));
                }
                read = true;
            }
            return byEffect.getOrDefault(effect, List.of());
        }

        List<String> written(String effect, Document entry) {
            List<String> planned = targetsOf(entry);
            byEffect.put(effect, planned);
            return planned;
        }

        private static List<String> targetsOf(Document entry) {
            List<String> targets = entry.getList("targets", String.class);
            return targets == null ? List.of() : List.copyOf(targets);
        }
    }

    /** Runs a request's actions with their effects journalled under its id. */
    <T> T acting(UUID requestId, Supplier<T> actions) {
        acting.set(new Journal(requestId));
        try {
            return actions.get();
        } finally {
            acting.remove();
        }
    }

    /** The receipt is saved: it is the record from now on, and the journal goes. */
    void settled(UUID requestId) {
        mongo.remove(new Query(where("requestId").is(requestId.toString())), COLLECTION);
    }

    /** A named point in the handling of a request; a crash test stops the service there. */
    void reached(String point) {
        checkpoint.accept(point);
    }

    /**
     * For crash tests only: {@code listener} hears every point a request's handling reaches (each {@link #planned}
     * effect, the actions done, the receipt saved) and may throw to simulate the service dying there. {@code null}
     * restores the default, which does nothing.
     */
    public void onCheckpoint(Consumer<String> listener) {
        checkpoint = listener == null ? point -> { } : listener;
    }
}
