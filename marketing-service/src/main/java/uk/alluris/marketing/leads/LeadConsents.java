package uk.alluris.marketing.leads;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.alluris.marketing.subscribers.MarketingChannel;

/** A consent withdrawn in the ledger no longer counts on the leads that captured it either. */
@Component
public class LeadConsents {

    private final MongoTemplate mongo;

    LeadConsents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Removes the channel from the consents of every matching lead; returns how many changed. */
    public int withdraw(Collection<UUID> subscriberIds, Collection<String> emailIndexes, MarketingChannel channel) {
        List<Criteria> any = new ArrayList<>();
        if (!subscriberIds.isEmpty()) {
            any.add(where("subscriberId").in(subscriberIds));
        }
        if (!emailIndexes.isEmpty()) {
            any.add(where("emailIndex").in(emailIndexes));
        }
        if (any.isEmpty()) {
            return 0;
        }
        Query query = new Query(new Criteria().orOperator(any).and("consents").is(channel.name()));
        return (int) mongo.updateMulti(query, new Update().pull("consents", channel.name()), Lead.class).getModifiedCount();
    }
}
