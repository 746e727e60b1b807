package uk.alluris.records.subjects;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ClinicalSubjects extends MongoRepository<ClinicalSubject, String> {

    /** Every subject matching any of a person's identifiers. */
    @Query("{ $or: [ { _id: { $in: ?0 } }, { emailIndex: { $in: ?1 } }, { phoneIndex: { $in: ?2 } } ] }")
    List<ClinicalSubject> findMatching(Collection<String> ids, Collection<String> emailIndexes,
            Collection<String> phoneIndexes);

    Optional<ClinicalSubject> findFirstByEmailIndex(String emailIndex);

    List<ClinicalSubject> findByEmailIndex(String emailIndex);

    List<ClinicalSubject> findByPhoneIndex(String phoneIndex);

    List<ClinicalSubject> findByErasureDueOnLessThanEqual(LocalDate day);

    List<ClinicalSubject> findByLastEntryOnLessThanAndKeyDestroyedAtIsNull(LocalDate day);
}
