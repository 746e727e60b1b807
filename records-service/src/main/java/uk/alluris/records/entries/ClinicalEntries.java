package uk.alluris.records.entries;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ClinicalEntries extends MongoRepository<ClinicalEntry, UUID> {

    List<ClinicalEntry> findBySubjectIdOrderByRecordedAtAsc(String subjectId);

    long deleteBySubjectId(String subjectId);

    /** Treatments that used a product batch (batch numbers are stored upper-case), oldest first. */
    List<ClinicalEntry> findByKindAndBatchNumbersOrderByRecordedAtAsc(EntryKind kind, String batchNumber);
}
