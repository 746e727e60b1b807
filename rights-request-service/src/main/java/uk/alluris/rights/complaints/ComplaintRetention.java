package uk.alluris.rights.complaints;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * A complaint with the clinic's answer ({@code complaints} in the register) ends its period after it was received;
 * one never answered is never ended, as nothing still open is.
 */
@Component
class ComplaintRetention extends StampedRetention {

    ComplaintRetention(MongoTemplate mongo) {
        super("complaints", mongo, "receivedAt", Criteria.where("answeredAt").ne(null), "complaints");
    }
}
