package uk.alluris.records.entries;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Addenda extends MongoRepository<Addendum, UUID> {

    List<Addendum> findByEntryIdOrderByAddedAtAsc(UUID entryId);

    long countBySubjectId(String subjectId);

    long deleteBySubjectId(String subjectId);
}
