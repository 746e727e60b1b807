package uk.alluris.rights.request;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Spends one try of a request's verification code in a single conditional update, before the code's answer counts.
 * Reading the request, comparing and saving it back would let parallel guesses each see the same tries left and get
 * more checks than allowed; here the store itself decides: the update matches only while the request still awaits
 * verification by this very code, with a try left and not expired, and takes the try and bumps the version (so a
 * stale save of the request elsewhere fails rather than putting tries back). Twelve parallel guesses at five tries:
 * five are checked, seven find nothing to spend. A code that was used (the request is verified and its verification
 * gone) or replaced (another hash) never matches again.
 */
@Component
class CodeAttempts {

    private final MongoTemplate mongo;

    CodeAttempts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes one try of the code whose hash is {@code codeHash}; {@code right} says whether the code given matched it,
     * and a wrong one goes into the evidence. Returns whether a try was there to take: if not, the guess was never checked.
     */
    boolean spend(UUID id, String codeHash, boolean right, Instant now) {
        Query usable = Query.query(where("_id").is(id).and("status").is(RequestStatus.AWAITING_VERIFICATION)
                .and("verification.codeHash").is(codeHash).and("verification.attemptsLeft").gt(0)
                .and("verification.expiresAt").gt(now));
        Update spent = new Update().inc("verification.attemptsLeft", -1).inc("version", 1);
        if (!right) {
            spent.push("evidence", new EvidenceEntry(now, "requester", "VERIFICATION_FAILED",
                    "a wrong code was given; one try spent"));
        }
        return mongo.findAndModify(usable, spent, FindAndModifyOptions.options().returnNew(true), PrivacyRequest.class)
                != null;
    }
}
