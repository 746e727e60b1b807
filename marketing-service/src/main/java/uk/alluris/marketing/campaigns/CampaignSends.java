package uk.alluris.marketing.campaigns;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface CampaignSends extends MongoRepository<CampaignSend, String> {

    @Query(value = "{ campaignId: ?0 }", sort = "{ sentAt: 1 }")
    List<CampaignSend> findByCampaign(UUID campaignId);

    /** Every send to a person, by subscriber id or email index. */
    @Query("{ $or: [ { subscriberId: { $in: ?0 } }, { emailIndex: { $in: ?1 } } ] }")
    List<CampaignSend> findMatching(Collection<UUID> subscriberIds, Collection<String> emailIndexes);
}
