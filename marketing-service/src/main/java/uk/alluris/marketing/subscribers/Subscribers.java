package uk.alluris.marketing.subscribers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

/** Subscribers, looked up by blind index: the plaintext address is never a query key. */
public interface Subscribers extends MongoRepository<Subscriber, UUID> {

    /** Every subscriber matching any of a person's identifiers. */
    @Query("{ $or: [ { _id: { $in: ?0 } }, { emailIndex: { $in: ?1 } }, { phoneIndex: { $in: ?2 } } ] }")
    List<Subscriber> findMatching(Collection<UUID> ids, Collection<String> emailIndexes, Collection<String> phoneIndexes);

    Optional<Subscriber> findFirstByEmailIndex(String emailIndex);

    Optional<Subscriber> findFirstByPhoneIndex(String phoneIndex);

    List<Subscriber> findByEmailIndex(String emailIndex);

    List<Subscriber> findByPhoneIndex(String phoneIndex);

    /** A campaign's audience before the per-person checks: everyone on the list. */
    @Query(value = "{ lists: ?0 }", sort = "{ _id: 1 }")
    List<Subscriber> findByList(String list);
}
