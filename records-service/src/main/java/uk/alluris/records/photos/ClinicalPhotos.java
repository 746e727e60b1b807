package uk.alluris.records.photos;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ClinicalPhotos extends MongoRepository<ClinicalPhoto, UUID> {

    List<ClinicalPhoto> findBySubjectIdOrderByTakenAtAsc(String subjectId);

    long countBySubjectId(String subjectId);

    long deleteBySubjectId(String subjectId);
}
