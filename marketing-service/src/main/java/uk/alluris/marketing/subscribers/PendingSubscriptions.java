package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Sign-ups awaiting confirmation, found by blind index for privacy requests. */
interface PendingSubscriptions extends MongoRepository<PendingSubscription, UUID> {

    @Query("{ $or: [ { emailIndex: { $in: ?0 } }, { phoneIndex: { $in: ?1 } } ] }")
    List<PendingSubscription> findMatching(Collection<String> emailIndexes, Collection<String> phoneIndexes);

    long deleteByExpiresAtBefore(Instant cutoff);
}
