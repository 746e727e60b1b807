package uk.alluris.records.forms;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SignedForms extends MongoRepository<SignedForm, UUID> {

    List<SignedForm> findBySubjectIdOrderBySignedAtAsc(String subjectId);

    long countBySubjectId(String subjectId);

    long deleteBySubjectId(String subjectId);
}
