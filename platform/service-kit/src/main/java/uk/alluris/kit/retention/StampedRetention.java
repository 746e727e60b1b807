package uk.alluris.kit.retention;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The common case: a category whose records carry the instant their period starts in one field (created, withdrawn,
 * completed), in one or more collections, perhaps only those matching a condition (a lead never converted). Ended
 * records are deleted; a service extends this next to its aggregate. {@code only} may be null: every record.
 */
public abstract class StampedRetention implements RetainedCategory {

    private final String category;
    private final MongoTemplate mongo;
    private final String stamp;
    private final Criteria only;
    private final List<String> collections;

    protected StampedRetention(String category, MongoTemplate mongo, String stamp, Criteria only,
            String... collections) {
        this.category = category;
        this.mongo = mongo;
        this.stamp = stamp;
        this.only = only;
        this.collections = List.of(collections);
    }

    @Override
    public String category() {
        return category;
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        return collections.stream().mapToLong(collection -> mongo.remove(ended(day), collection).getDeletedCount())
                .sum();
    }

    @Override
    public Ending ending(RetentionDay day) {
        long count = collections.stream().mapToLong(collection -> mongo.count(ended(day), collection)).sum();
        Optional<Instant> earliest = collections.stream()
                .map(collection -> mongo.findOne(ended(day).with(Sort.by(stamp)).limit(1), Document.class, collection))
                .filter(Objects::nonNull).map(found -> found.get(stamp, Date.class).toInstant())
                .min(Instant::compareTo);
        return Ending.stamped(count, earliest, day);
    }

    private Query ended(RetentionDay day) {
        Criteria ended = Criteria.where(stamp).lt(day.endedBefore());
        return Query.query(only == null ? ended : new Criteria().andOperator(only, ended));
    }
}
