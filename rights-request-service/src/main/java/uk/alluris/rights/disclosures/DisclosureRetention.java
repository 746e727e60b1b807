package uk.alluris.rights.disclosures;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * A logged disclosure ({@code disclosure-log} in the register) ends its period after it was recorded, whether or not
 * the person asked for erasure meanwhile (an erasure only holds it back).
 */
@Component
class DisclosureRetention extends StampedRetention {

    DisclosureRetention(MongoTemplate mongo) {
        super("disclosure-log", mongo, "recordedAt", null, "disclosures");
    }
}
