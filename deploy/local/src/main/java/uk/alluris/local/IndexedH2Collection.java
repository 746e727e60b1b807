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
 * An H2 collection that also answers a top-level {@code $or} from its indexes, as MongoDB does by an index union: when
 * every branch can be answered by an index, only the documents those name are read (the whole query is applied to
 * them again), instead of the whole collection. A privacy look-up matches a person by any of their identifiers this
 * way ({@code subjectIds} or {@code emailIndexes} or {@code phoneIndexes}).
 */
final class IndexedH2Collection extends H2Collection {

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
        super(database, collectionName, options, dataMap, metaMap, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
            List<Index<Object>> indexes = getIndexes();
            if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
                Set<Object> positions = new LinkedHashSet<>();
                for (Object branch : branches) {
                    Index<Object> index = branch instanceof Document document ? handling(indexes, document) : null;
                    if (index == null) {
                        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                    }
                    index.getPositions((Document) branch).forEach(positions::add);
                }
                List<Object> ordered = new ArrayList<>(positions);
                ordered.sort(ValueComparator.asc());
                return matchDocuments(query, ordered, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private static Index<Object> handling(List<Index<Object>> indexes, Document branch) {
        for (Index<Object> index : indexes) {
            if (index.canHandle(branch)) {
                return index;
            }
        }
        return null;
    }
}
