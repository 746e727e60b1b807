package uk.alluris.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that reads through its indexes where mongo-java-server would scan: a query naming an index's keys
 * and more (the versioned save's {@code _id} and {@code version}), and a top-level {@code $or} whose every branch an
 * index answers (as MongoDB does by an index union: a privacy look-up matches a person by any of their identifiers).
 * Only the documents the indexes name are read, and the whole query is applied to them again, so what matches is
 * exactly what a scan would match.
 */
final class IndexedH2Collection extends H2Collection {

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        List<Index<Object>> indexes = getIndexes();
        if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
            List<Object> positions = positions(indexes, query);
            if (positions != null) {
                return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The positions of every document that may match, from the indexes, or null when only a scan can tell: by the
     * first index answering the query's conditions on its own keys (a save checks {@code _id} and {@code version},
     * which the store's unique {@code _id} index refuses because the query names more than its key), else by the union
     * over the branches of a top-level {@code $or} when an index answers each branch.
     */
    private static List<Object> positions(List<Index<Object>> indexes, Document query) {
        Index<Object> narrowing = null;
        Document narrowed = null;
        for (Index<Object> index : indexes) {
            Document own = new Document();
            index.getKeys().forEach(key -> {
                if (query.containsKey(key.getKey())) {
                    own.put(key.getKey(), query.get(key.getKey()));
                }
            });
            if (own.size() == index.getKeys().size() && index.canHandle(own)) {
                narrowing = index;
                narrowed = own;
                break;
            }
        }
        Set<Object> positions = new LinkedHashSet<>();
        if (narrowing != null) {
            narrowing.getPositions(narrowed).forEach(positions::add);
        } else if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
            for (Object branch : branches) {
                List<Object> found = branch instanceof Document document ? positions(indexes, document) : null;
                if (found == null) {
                    return null;
                }
                positions.addAll(found);
            }
        } else {
            return null;
        }
        List<Object> ordered = new ArrayList<>(positions);
        ordered.sort(ValueComparator.asc());
        return ordered;
    }
}
