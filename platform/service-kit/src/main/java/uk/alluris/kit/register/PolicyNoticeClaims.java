package uk.alluris.kit.register;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.events.PolicyVersionPublished;

/**
 * Tells each person a service holds of a material change to the privacy policy once per version, whatever the number
 * of deliveries of {@code PolicyVersionPublished}: a notice is claimed ({@code policy_notices}, keyed version/person)
 * before it is sent and released if sending fails, so a redelivered event tells only those not yet told. A change
 * that is not material is sent to nobody. The service says whom it holds, who may be told and how the notice goes.
 */
public class PolicyNoticeClaims {

    /** One person told of one version. */
    @Document("policy_notices")
    public record Notice(@Id String id, Instant mailedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public PolicyNoticeClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Sends {@code send} to each of {@code people} that {@code eligible} admits and that was not told of this version
     * yet; a send that throws releases its claim and stops the round (the event is retried). Returns how many were told.
     */
    public <P> int tell(PolicyVersionPublished published, Iterable<P> people, Function<P, String> key,
            Predicate<P> eligible, Consumer<P> send) {
        if (!published.material()) {
            return 0;
        }
        int told = 0;
        for (P person : people) {
            String id = published.version() + "/" + key.apply(person);
            if (!eligible.test(person) || !claim(id)) {
                continue;
            }
            try {
                send.accept(person);
                told++;
            } catch (RuntimeException e) {
                mongo.remove(Query.query(where("_id").is(id)), Notice.class);
                throw e;
            }
        }
        return told;
    }

    private boolean claim(String id) {
        try {
            mongo.insert(new Notice(id, clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyTold) {
            return false;
        }
    }
}
