package uk.alluris.marketing.leads;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * A lead that never became a client ({@code unconverted-leads} in the register) ends its period after it arrived;
 * one staff turned into a client is the client's business now, and booking keeps that.
 */
@Component
class UnconvertedLeadRetention extends StampedRetention {

    UnconvertedLeadRetention(MongoTemplate mongo) {
        super("unconverted-leads", mongo, "receivedAt", Criteria.where("convertedAt").is(null), "leads");
    }
}
