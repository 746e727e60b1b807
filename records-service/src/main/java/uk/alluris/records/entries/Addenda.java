package uk.alluris.records.entries;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Addenda extends MongoRepository<Addendum, UUID> {

    List<Addendum> findByEntryIdOrderByAddedAtAsc(UUID entryId);

    /** Every addendum of one subject's entries, oldest first (an export reads them all at once). */
    List<Addendum> findBySubjectIdOrderByAddedAtAsc(String subjectId);

    long countBySubjectId(String subjectId);

    long deleteBySubjectId(String subjectId);
}
