package uk.alluris.records.questionnaires;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReviewFlags extends MongoRepository<ReviewFlag, UUID> {

    List<ReviewFlag> findByOpenTrueOrderByRaisedAtAsc();

    List<ReviewFlag> findBySubjectIdOrderByRaisedAtAsc(String subjectId);

    long deleteBySubjectId(String subjectId);
}
