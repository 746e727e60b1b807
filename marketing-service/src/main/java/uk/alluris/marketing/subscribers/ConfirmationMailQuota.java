package uk.alluris.marketing.subscribers;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At most {@value #PER_DAY} confirmation mails per address per day (UTC), counted by the address's blind index: the
 * public sign-up form must not become a way to bomb someone's inbox. Each mail takes one from the day's count by one
 * atomic increment-and-read, so sign-ups sent at the same moment cannot all slip under the limit. Counts go a day
 * after their own (a TTL index).
 */
@Component
class ConfirmationMailQuota {

    static final int PER_DAY = 3;
    static final String COLLECTION = "confirmation_mail_counts";

    private final MongoTemplate mongo;
    private final Clock clock;

    ConfirmationMailQuota(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Takes one of today's mails for this address; false when today's are used up (then no mail may leave). */
    boolean take(String emailIndex) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Query query = new Query(where("_id").is(emailIndex + ":" + today));
        Update update = new Update().inc("sent", 1)
                .setOnInsert("expiresAt", today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counted;
        try {
            counted = mongo.findAndModify(query, update, upsert, Document.class, COLLECTION);
        } catch (DuplicateKeyException firstOfTheDayAtTheSameMoment) {
            // two upserts raced to create the day's count; the loser's increment goes to the one now there
            counted = mongo.findAndModify(query, update, upsert, Document.class, COLLECTION);
        }
        return counted != null && counted.get("sent", Number.class).intValue() <= PER_DAY;
    }
}
