package uk.alluris.kit.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.events.SubjectIdentifiers;

/**
 * Who has asked for processing of their data to be restricted, by every identifier they verified. Each service's own
 * API consults it (marketing refuses to add a restricted person; records demands a reason to read), and lifting the
 * restriction removes the entry, restoring normal processing.
 */
public class Restrictions {

    static final String COLLECTION = "privacy_restrictions";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Restrictions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // a person is looked up by any identifier ($or of the three): one index each makes that an index union
        for (String identifiers : List.of("subjectIds", "emailIndexes", "phoneIndexes")) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(identifiers, Sort.Direction.ASC).named(identifiers));
        }
    }

    /** Records the restriction; restricting someone already restricted changes nothing. */
    public void restrict(SubjectIdentifiers subject) {
        if (!isRestricted(subject)) {
            mongo.insert(new Document("subjectIds", subject.subjectIds()).append("emailIndexes", subject.emailIndexes())
                    .append("phoneIndexes", subject.phoneIndexes()).append("since", clock.instant()), COLLECTION);
        }
    }

    /** Lifts every restriction that matches any of the person's identifiers; returns how many there were. */
    public long lift(SubjectIdentifiers subject) {
        return mongo.remove(matching(subject.subjectIds(), subject.emailIndexes(), subject.phoneIndexes()), COLLECTION)
                .getDeletedCount();
    }

    public boolean isRestricted(SubjectIdentifiers subject) {
        return isRestricted(subject.subjectIds(), subject.emailIndexes(), subject.phoneIndexes());
    }

    /** Whether any of these identifiers (nulls ignored) belongs to a restricted person. */
    public boolean isRestricted(String subjectId, String emailIndex, String phoneIndex) {
        return isRestricted(listOf(subjectId), listOf(emailIndex), listOf(phoneIndex));
    }

    private boolean isRestricted(Collection<String> subjectIds, Collection<String> emailIndexes,
            Collection<String> phoneIndexes) {
        if (subjectIds.isEmpty() && emailIndexes.isEmpty() && phoneIndexes.isEmpty()) {
            return false;
        }
        return mongo.exists(matching(subjectIds, emailIndexes, phoneIndexes), COLLECTION);
    }

    private static Query matching(Collection<String> subjectIds, Collection<String> emailIndexes,
            Collection<String> phoneIndexes) {
        List<Criteria> any = new ArrayList<>();
        if (!subjectIds.isEmpty()) {
            any.add(where("subjectIds").in(subjectIds));
        }
        if (!emailIndexes.isEmpty()) {
            any.add(where("emailIndexes").in(emailIndexes));
        }
        if (!phoneIndexes.isEmpty()) {
            any.add(where("phoneIndexes").in(phoneIndexes));
        }
        return new Query(new Criteria().orOperator(any));
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(Objects.requireNonNull(value));
    }
}
