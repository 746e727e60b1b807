package uk.alluris.local;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Answers the aggregation every driver sends for {@code countDocuments} ({@code $match}, optional {@code $skip} and
 * {@code $limit}, then {@code $group} by a constant summing 1) by counting the matching documents through the
 * collection's indexes; mongo-java-server runs every aggregation over the whole collection, so each count by blind
 * index or subject read every document. Any other pipeline is left to the store.
 */
final class IndexedCount {

    private IndexedCount() {
    }

    /** The count's answer, or null when {@code command} is not a count this can answer. */
    static Document answer(String databaseName, Document command, MongoCollection<?> collection) {
        if (!(command.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2
                || !(pipeline.get(0) instanceof Document first) || !(first.get("$match") instanceof Document match)
                || first.size() != 1 || !isCountGroup(pipeline.get(pipeline.size() - 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (stage instanceof Document step && step.size() == 1 && step.get("$skip") instanceof Number n) {
                skip = n.intValue();
            } else if (stage instanceof Document step && step.size() == 1 && step.get("$limit") instanceof Number n) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        int count = collection == null ? 0 : collection.count(match, skip, limit);
        Object groupId = ((Document) ((Document) pipeline.get(pipeline.size() - 1)).get("$group")).get("_id");
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", groupId).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", databaseName + "." + command.get("aggregate"))
                .append("firstBatch", batch);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return response;
    }

    /** {@code {$group: {_id: <constant>, n: {$sum: 1}}}}. */
    private static boolean isCountGroup(Object stage) {
        if (!(stage instanceof Document step) || step.size() != 1 || !(step.get("$group") instanceof Document group)) {
            return false;
        }
        return group.size() == 2 && !(group.get("_id") instanceof Document) && !(group.get("_id") instanceof String)
                && group.get("n") instanceof Document sum && sum.size() == 1 && sum.get("$sum") instanceof Number one
                && one.intValue() == 1;
    }
}
