package uk.alluris.gateway.clients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tries at a sign-in code, spent atomically in the store: a guess first takes one try by a conditional update (only
 * while tries are left and the code is live), then is checked. Parallel guesses cannot all read "five left" and
 * each write back "four left"; twelve guesses spend twelve tries, or all there were.
 */
@Component
class CodeTries {

    private final ReactiveMongoTemplate mongo;

    CodeTries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Takes one try from the person's live code; the code as it was, or empty when none is left to try. */
    Mono<ClientCode> spendOne(String emailIndex, Instant now) {
        return mongo.findAndModify(query(where("_id").is(emailIndex).and("attemptsLeft").gt(0).and("expiresAt").gt(now)),
                new Update().inc("attemptsLeft", -1), ClientCode.class);
    }

    /**
     * Uses the code up. True for exactly one caller, and only while the stored code is still the one that was checked:
     * a code replaced by a newer one in the meantime stays refused.
     */
    Mono<Boolean> useUp(ClientCode checked) {
        return mongo.remove(query(where("_id").is(checked.emailIndex()).and("codeHash").is(checked.codeHash())),
                ClientCode.class).map(result -> result.getDeletedCount() == 1);
    }
}
