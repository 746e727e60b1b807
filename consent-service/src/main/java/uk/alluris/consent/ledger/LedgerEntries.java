package uk.alluris.consent.ledger;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface LedgerEntries extends MongoRepository<LedgerEntry, UUID> {

    /** Every entry about a person, by any identifier, oldest first. */
    @Query(value = "{ $or: [ { subjectId: { $in: ?0 } }, { emailIndex: { $in: ?1 } } ] }", sort = "{ recordedAt: 1 }")
    List<LedgerEntry> findMatching(Collection<String> subjectIds, Collection<String> emailIndexes);

    /** Every entry about a person, by any identifier including a phone blind index, oldest first. */
    @Query(value = "{ $or: [ { subjectId: { $in: ?0 } }, { emailIndex: { $in: ?1 } }, { phoneIndex: { $in: ?2 } } ] }",
            sort = "{ recordedAt: 1 }")
    List<LedgerEntry> findMatching(Collection<String> subjectIds, Collection<String> emailIndexes,
            Collection<String> phoneIndexes);
}
