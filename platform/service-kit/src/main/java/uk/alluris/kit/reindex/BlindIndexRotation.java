package uk.alluris.kit.reindex;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.kit.identity.BlindIndexer;

/**
 * Moves every blind index a service stores from the old secret to the new one.
 * <ul>
 * <li>Contact details (kit {@code ContactDetails}: {@code email} beside {@code emailIndex}, {@code phone} beside
 * {@code phoneIndex}, in any collection): the index is recomputed from the value beside it.</li>
 * <li>Bare indexes (a field holding an index without its value, named in {@code bareIndexFields} as
 * {@code collection.field}): translated through what the first pass learned (old index → new index); one whose
 * person this service holds no value of cannot be recomputed by anyone and is counted as untranslatable.</li>
 * </ul>
 * Idempotent and resumable: each document changes only while it still holds the old index (a compare-and-set on
 * it), so a second run, a run after a crash, or two replicas running it at once change nothing twice; documents
 * already written under the new secret are left as they are.
 */
public class BlindIndexRotation {

    private static final Logger log = LoggerFactory.getLogger(BlindIndexRotation.class);

    /** What one run did; {@code unmatched} holds an index that is neither the old nor the new one for its value. */
    public record Report(long reindexed, long current, long translated, long untranslatable, long unmatched) {
    }

    private final MongoTemplate mongo;
    private final BlindIndexer from;
    private final BlindIndexer to;
    private final List<String> bareIndexFields;

    public BlindIndexRotation(MongoTemplate mongo, BlindIndexer from, BlindIndexer to, List<String> bareIndexFields) {
        this.mongo = mongo;
        this.from = from;
        this.to = to;
        this.bareIndexFields = List.copyOf(bareIndexFields);
    }

    public Report rotate() {
        Counts counts = new Counts();
        Map<String, String> translation = new HashMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                beside(collection, "email", "emailIndex", from::email, to::email, translation, counts);
                beside(collection, "phone", "phoneIndex", from::phone, to::phone, translation, counts);
            }
        }
        for (String field : bareIndexFields) {
            int dot = field.indexOf('.');
            bare(field.substring(0, dot), field.substring(dot + 1), translation, counts);
        }
        Report report = counts.report();
        log.info("blind indexes rotated: {}", report);
        return report;
    }

    private void beside(String collection, String valueField, String indexField, UnaryOperator<String> old,
            UnaryOperator<String> fresh, Map<String, String> translation, Counts counts) {
        Query holders = new Query(where(valueField).type(2).and(indexField).type(2)).with(Sort.by("_id"));
        holders.fields().include(valueField).include(indexField);
        for (Document document : mongo.find(holders, Document.class, collection)) {
            String value = document.getString(valueField);
            String stored = document.getString(indexField);
            String oldIndex = old.apply(value);
            String newIndex = fresh.apply(value);
            translation.put(oldIndex, newIndex);
            if (stored.equals(newIndex)) {
                counts.current++;
            } else if (stored.equals(oldIndex)) {
                counts.reindexed += swap(collection, document.get("_id"), indexField, stored, newIndex);
            } else {
                counts.unmatched++;
                log.warn("{} {} holds a {} that is neither the old nor the new index of its {}", collection,
                        document.get("_id"), indexField, valueField);
            }
        }
    }

    private void bare(String collection, String field, Map<String, String> translation, Counts counts) {
        Query holders = new Query(where(field).type(2)).with(Sort.by("_id"));
        holders.fields().include(field);
        for (Document document : mongo.find(holders, Document.class, collection)) {
            String stored = document.getString(field);
            String newIndex = translation.get(stored);
            if (newIndex != null && !newIndex.equals(stored)) {
                counts.translated += swap(collection, document.get("_id"), field, stored, newIndex);
            } else if (translation.containsValue(stored)) {
                counts.current++;
            } else {
                counts.untranslatable++;
            }
        }
    }

    /** Replaces the index only if the document still holds the old one: 1 if it did, 0 if someone was first. */
    private long swap(String collection, Object id, String field, String oldIndex, String newIndex) {
        return mongo.updateFirst(new Query(where("_id").is(id).and(field).is(oldIndex)), new Update().set(field, newIndex),
                collection).getModifiedCount();
    }

    private static final class Counts {
        long reindexed;
        long current;
        long translated;
        long untranslatable;
        long unmatched;

        Report report() {
            return new Report(reindexed, current, translated, untranslatable, unmatched);
        }
    }
}
