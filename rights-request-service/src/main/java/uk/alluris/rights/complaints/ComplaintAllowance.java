package uk.alluris.rights.complaints;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A client may log at most {@link #PER_DAY} complaints a day (London day): enough for any real grievance, too few to
 * flood the office's queue. The count is spent in one atomic upsert-and-increment per person and day, so parallel
 * filings cannot both take the last one; only the blind index is kept, and a day's counter is worthless after it.
 */
@Component
class ComplaintAllowance {

    static final int PER_DAY = 3;

    @Document("complaint_allowance")
    record Count(@Id String id, int used) {
    }

    private final MongoTemplate mongo;

    ComplaintAllowance(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Spends one of the person's complaints for {@code day}; false when the day's are used up. */
    boolean spend(String emailIndex, LocalDate day) {
        Count count = mongo.findAndModify(Query.query(where("_id").is(emailIndex + "/" + day)),
                new Update().inc("used", 1), FindAndModifyOptions.options().upsert(true).returnNew(true), Count.class);
        return count != null && count.used() <= PER_DAY;
    }
}
