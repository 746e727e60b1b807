package uk.alluris.marketing.campaigns;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/** Which campaign went to whom ({@code campaign-sends} in the register) ends its period after it was sent. */
@Component
class CampaignSendRetention extends StampedRetention {

    CampaignSendRetention(MongoTemplate mongo) {
        super("campaign-sends", mongo, "sentAt", null, "campaign_sends");
    }
}
