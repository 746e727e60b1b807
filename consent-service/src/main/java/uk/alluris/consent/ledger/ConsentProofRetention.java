package uk.alluris.consent.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/**
 * Proof of consent ({@code consent-proof} in the register) is kept while the consent stands and for the period after
 * it was withdrawn: then the withdrawal and every earlier decision of that person for that purpose go. A later grant
 * starts the proof again, so a withdrawal followed by a new grant ends nothing.
 */
@Component
class ConsentProofRetention implements RetainedCategory {

    private final MongoTemplate mongo;

    ConsentProofRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String category() {
        return "consent-proof";
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        long erased = 0;
        for (LedgerEntry withdrawal : endedWithdrawals(day)) {
            erased += mongo.remove(Query.query(samePersonAndPurpose(withdrawal).and("recordedAt")
                    .lte(withdrawal.recordedAt)), LedgerEntry.class).getDeletedCount();
        }
        return erased;
    }

    /** Counted per withdrawal (each ends its purpose's whole history for that person). */
    @Override
    public Ending ending(RetentionDay day) {
        List<LedgerEntry> ended = endedWithdrawals(day);
        return Ending.stamped(ended.size(),
                ended.stream().map(withdrawal -> withdrawal.recordedAt).min(Comparable::compareTo), day);
    }

    private List<LedgerEntry> endedWithdrawals(RetentionDay day) {
        return mongo.find(Query.query(where("granted").is(false).and("recordedAt").lt(day.endedBefore())),
                LedgerEntry.class).stream().filter(this::lastWord).toList();
    }

    /** No grant for the same purpose came after it. */
    private boolean lastWord(LedgerEntry withdrawal) {
        return !mongo.exists(Query.query(samePersonAndPurpose(withdrawal).and("granted").is(true)
                .and("recordedAt").gt(withdrawal.recordedAt)), LedgerEntry.class);
    }

    private static Criteria samePersonAndPurpose(LedgerEntry entry) {
        Criteria person = entry.subjectId != null ? where("subjectId").is(entry.subjectId)
                : where("emailIndex").is(entry.emailIndex);
        return person.and("purpose").is(entry.purpose);
    }
}
