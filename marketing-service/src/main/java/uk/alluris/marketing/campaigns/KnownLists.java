package uk.alluris.marketing.campaigns;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.subscribers.Subscriber;

/**
 * The lists a campaign may be made for: those at least one subscriber is on. A list exists only through its members,
 * so a campaign for any other name (a typo, a list everyone has left) would mail nobody; it is refused instead, naming
 * the lists there are. List names are not personal data.
 */
@Component
class KnownLists {

    /** Enough names to spot a typo without answering a catalogue. */
    private static final int NAMED = 50;

    private final MongoTemplate mongo;

    KnownLists(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A 422 problem naming the field and the known lists unless someone is on this one. */
    void requireMembers(String list) {
        if (mongo.exists(new Query(where("lists").is(list)), Subscriber.class)) {
            return;
        }
        List<String> known = mongo.findDistinct(new Query(), "lists", Subscriber.class, String.class).stream()
                .sorted().limit(NAMED).toList();
        throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown list", known.isEmpty()
                ? "list must name a list with subscribers, and no list has any yet"
                : "list must name a list with subscribers: one of " + String.join(", ", known));
    }
}
