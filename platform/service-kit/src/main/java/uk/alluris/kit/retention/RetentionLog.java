package uk.alluris.kit.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What retention ended, kept as proof (UK GDPR Art. 5(2)): per run and category, how many records, as of which day,
 * under which rule of the register. Counts only: never who.
 */
public class RetentionLog {

    public static final String COLLECTION = "retention_log";

    /** One category's erasures in one run. */
    public record Entry(UUID id, String category, long erased, LocalDate asOf, Instant ranAt, String rule) {
    }

    private final MongoTemplate mongo;

    RetentionLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Entry record(RetentionDay day, long erased, Instant ranAt) {
        var retention = day.retention();
        return mongo.insert(new Entry(UUID.randomUUID(), day.category(), erased, day.today(), ranAt,
                retention.period() + " after " + retention.startsAt()), COLLECTION);
    }

    /** The newest entries for a category, newest first. */
    public List<Entry> latest(String category, int limit) {
        return mongo.find(Query.query(Criteria.where("category").is(category))
                .with(Sort.by(Sort.Direction.DESC, "ranAt")).limit(limit), Entry.class, COLLECTION);
    }
}
