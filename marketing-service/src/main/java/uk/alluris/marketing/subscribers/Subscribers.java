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

    // the indexes live in the embedded ContactDetails, stored at the top level: queried by their stored names
    @Query("{ emailIndex: ?0 }")
    List<Subscriber> findByEmailIndex(String emailIndex);

    @Query("{ phoneIndex: ?0 }")
    List<Subscriber> findByPhoneIndex(String phoneIndex);

    default Optional<Subscriber> findFirstByEmailIndex(String emailIndex) {
        return findByEmailIndex(emailIndex).stream().findFirst();
    }

    default Optional<Subscriber> findFirstByPhoneIndex(String phoneIndex) {
        return findByPhoneIndex(phoneIndex).stream().findFirst();
    }

    /** A campaign's audience before the per-person checks: everyone on the list. */
    @Query(value = "{ lists: ?0 }", sort = "{ _id: 1 }")
    List<Subscriber> findByList(String list);
}
