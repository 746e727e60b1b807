package uk.alluris.rights.retention;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * A privacy request with its verification, evidence trail and every service's receipt ({@code request-evidence} in
 * the register) ends its period after it was completed. A request still open has no completion, so it is never
 * ended: nothing under an open request is erased.
 */
@Component
class RequestEvidenceRetention extends StampedRetention {

    RequestEvidenceRetention(MongoTemplate mongo) {
        super("request-evidence", mongo, "completedAt", Criteria.where("completedAt").ne(null), "privacy_requests");
    }
}
