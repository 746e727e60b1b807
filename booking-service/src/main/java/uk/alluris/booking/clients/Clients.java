package uk.alluris.booking.clients;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface Clients extends MongoRepository<Client, UUID> {

    /** Every profile matching any of a person's identifiers. */
    @Query("{ $or: [ { _id: { $in: ?0 } }, { emailIndex: { $in: ?1 } }, { phoneIndex: { $in: ?2 } } ] }")
    List<Client> findMatching(Collection<UUID> ids, Collection<String> emailIndexes, Collection<String> phoneIndexes);

    // the indexes live in the embedded ContactDetails, stored at the top level: queried by their stored names
    @Query(value = "{ emailIndex: ?0 }", exists = true)
    boolean existsByEmailIndex(String emailIndex);

    @Query("{ emailIndex: ?0 }")
    List<Client> findByEmailIndex(String emailIndex);

    @Query("{ phoneIndex: ?0 }")
    List<Client> findByPhoneIndex(String phoneIndex);

    /** Reception's search by part of a name (the text is matched literally, not as a pattern). */
    List<Client> findByFullNameContainingIgnoreCase(String part);

    List<Client> findByRegisteredAtLessThan(Instant before);
}
