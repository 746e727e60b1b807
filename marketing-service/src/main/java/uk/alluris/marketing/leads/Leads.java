package uk.alluris.marketing.leads;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Leads, by delivery id; a person's leads are found by blind index or by the subscriber they became. */
interface Leads extends MongoRepository<Lead, String> {

    @Query("{ $or: [ { subscriberId: { $in: ?0 } }, { emailIndex: { $in: ?1 } }, { phoneIndex: { $in: ?2 } } ] }")
    List<Lead> findMatching(Collection<UUID> subscriberIds, Collection<String> emailIndexes,
            Collection<String> phoneIndexes);

    // the indexes live in the embedded ContactDetails, stored at the top level: queried by their stored names
    @Query("{ emailIndex: ?0 }")
    List<Lead> findByEmailIndex(String emailIndex);

    @Query("{ phoneIndex: ?0 }")
    List<Lead> findByPhoneIndex(String phoneIndex);

    long countBySourceAndStatus(String source, Lead.Status status);
}
