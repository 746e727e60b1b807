package uk.alluris.gateway.staff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The proof of a right password, waiting for the second factor: a random token (stored only hashed) that grants no
 * access, lives a few minutes, allows five codes (each spent by one conditional update, so parallel guesses cannot
 * share a try) and is used up by the sign-in it completes.
 */
@Component
class MfaChallenges {

    static final int TRIES = 5;
    private static final String COLLECTION = "staff_mfa_challenges";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final StaffAuthProperties properties;
    private final Clock clock;

    MfaChallenges(ReactiveMongoTemplate mongo, StaffAuthProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<String> issue(String username) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Document challenge = new Document("_id", id(token)).append("username", username).append("triesLeft", TRIES)
                .append("expiresAt", Date.from(now.plus(properties.secondFactorWithin())));
        return mongo.remove(new Query(Criteria.where("expiresAt").lt(Date.from(now))), COLLECTION)
                .then(mongo.insert(challenge, COLLECTION)).thenReturn(token);
    }

    /** Spends one try; the account's name while the challenge is live and has tries left. */
    Mono<String> spendTry(String token) {
        return mongo.findAndModify(live(token).addCriteria(Criteria.where("triesLeft").gt(0)),
                        new Update().inc("triesLeft", -1), FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION)
                .map(challenge -> challenge.getString("username"));
    }

    /** The account's name while the challenge is live, without spending a try (enrolment shows the secret). */
    Mono<String> peek(String token) {
        return mongo.findOne(live(token).addCriteria(Criteria.where("triesLeft").gt(0)), Document.class, COLLECTION)
                .map(challenge -> challenge.getString("username"));
    }

    /** Uses the challenge up; true only for the one caller that did. */
    Mono<Boolean> usedUp(String token) {
        return mongo.findAndRemove(new Query(Criteria.where("_id").is(id(token))), Document.class, COLLECTION)
                .hasElement();
    }

    private Query live(String token) {
        return new Query(Criteria.where("_id").is(id(token)).and("expiresAt").gt(Date.from(clock.instant())));
    }

    private static String id(String token) {
        return AccountReference.key("mfa-challenge", token);
    }
}
