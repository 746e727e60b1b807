package uk.alluris.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique (secondary) index for mongo-java-server, which otherwise accepts such an index and ignores it, so that
 * every match on a declared {@code @Indexed} field scanned its whole collection. Held in memory and rebuilt from the
 * documents when the store opens (the collection fills an empty index), it answers equality and {@code $in} matches
 * on all of its keys; every other query still scans, and the store re-applies the whole query to the documents the
 * index names, so the index only narrows what is read, never what matches.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Map<KeyValue, Set<Object>> idsByKey = new HashMap<>();
    private final Map<Object, P> positionById = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionById.get(document.get(ID));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (isSparse() && hasNoValueForKeys(document)) {
            return;
        }
        Object id = document.get(ID);
        positionById.put(id, position);
        for (KeyValue key : getKeyValues(document)) {
            idsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = document.get(ID);
        P position = positionById.remove(id);
        if (position == null) {
            return null;
        }
        for (KeyValue key : getKeyValues(document)) {
            Set<Object> ids = idsByKey.get(key);
            if (ids != null && ids.remove(id) && ids.isEmpty()) {
                idsByKey.remove(key);
            }
        }
        return position;
    }

    /** Equality (to a plain value) or {@code $in} (of plain values) on every key of the index; other keys may follow. */
    @Override
    public boolean canHandle(Document query) {
        for (String key : keys()) {
            if (!query.containsKey(key) || candidates(query.get(key)) == null) {
                return false;
            }
        }
        return true;
    }

    /** The documents whose keys equal one of the queried combinations, in the collection's natural (position) order. */
    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        List<Document> combinations = List.of(new Document());
        for (String key : keys()) {
            List<Document> next = new ArrayList<>();
            for (Document partial : combinations) {
                for (Object value : candidates(query.get(key))) {
                    Document combined = partial.cloneDeeply();
                    put(combined, key, value);
                    next.add(combined);
                }
            }
            combinations = next;
        }
        Set<Object> ids = new LinkedHashSet<>();
        for (Document combination : combinations) {
            for (KeyValue key : getKeyValues(combination)) {
                ids.addAll(idsByKey.getOrDefault(key, Set.of()));
            }
        }
        List<P> positions = new ArrayList<>(ids.size());
        for (Object id : ids) {
            positions.add(positionById.get(id));
        }
        positions.sort(ValueComparator.asc());
        return positions;
    }

    /** The plain values a query condition asks for, or null when it asks for something else (a range, a regex, ...). */
    private static Collection<?> candidates(Object condition) {
        if (condition instanceof Document document) {
            if (document.size() == 1 && document.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(SecondaryIndex::plain)) {
                return values;
            }
            return null;
        }
        return plain(condition) ? List.of(condition) : null;
    }

    private static boolean plain(Object value) {
        return Missing.isNeitherNullNorMissing(value) && !(value instanceof Map) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    /** Puts {@code value} at a dotted path, so that the index reads it as it reads a stored document. */
    private static void put(Document document, String path, Object value) {
        String[] parts = path.split("\\.");
        Document current = document;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Document) current.computeIfAbsent(parts[i], p -> new Document());
        }
        current.put(parts[parts.length - 1], value);
    }

    private boolean hasNoValueForKeys(Document document) {
        return getKeyValues(document).stream().allMatch(key -> {
            for (Object value : key) {
                if (value != null) {
                    return false;
                }
            }
            return true;
        });
    }

    @Override
    public synchronized long getCount() {
        return positionById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return positionById.size();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        idsByKey.clear();
        positionById.clear();
    }
}
