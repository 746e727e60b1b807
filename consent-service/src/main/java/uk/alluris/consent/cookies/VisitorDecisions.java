package uk.alluris.consent.cookies;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

interface VisitorDecisions extends MongoRepository<VisitorDecision, UUID> {

    /** A visitor's choices, oldest first. */
    List<VisitorDecision> findByVisitorKeyOrderByRecordedAtAsc(String visitorKey);

    /** Every claimed choice of a person, by subject id or email blind index, oldest first. */
    @Query(value = "{ $or: [ { claimedSubjectId: { $in: ?0 } }, { claimedEmailIndex: { $in: ?1 } } ] }",
            sort = "{ recordedAt: 1 }")
    List<VisitorDecision> findClaimedBy(Collection<String> subjectIds, Collection<String> emailIndexes);
}
