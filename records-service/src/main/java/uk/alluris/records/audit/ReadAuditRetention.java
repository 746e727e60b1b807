package uk.alluris.records.audit;

import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/** The read log ({@code read-audits}) ends its period after each read; shredding takes a person's all at once. */
@Component
class ReadAuditRetention implements RetainedCategory {

    private final MongoTemplate mongo;

    ReadAuditRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String category() {
        return "read-audits";
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        return mongo.remove(ended(day), AuditedRead.class).getDeletedCount();
    }

    @Override
    public Ending ending(RetentionDay day) {
        long count = mongo.count(ended(day), AuditedRead.class);
        Optional<AuditedRead> first = Optional.ofNullable(
                mongo.findOne(ended(day).with(Sort.by("at")).limit(1), AuditedRead.class));
        return Ending.stamped(count, first.map(AuditedRead::at), day);
    }

    private static Query ended(RetentionDay day) {
        return Query.query(Criteria.where("at").lt(day.endedBefore()));
    }
}
