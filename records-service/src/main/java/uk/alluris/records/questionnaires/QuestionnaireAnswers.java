package uk.alluris.records.questionnaires;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface QuestionnaireAnswers extends MongoRepository<AnsweredQuestionnaire, UUID> {

    List<AnsweredQuestionnaire> findBySubjectIdOrderByAnsweredAtAsc(String subjectId);

    long countBySubjectId(String subjectId);

    long deleteBySubjectId(String subjectId);
}
