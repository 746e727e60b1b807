package uk.alluris.records.questionnaires;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface QuestionnaireTemplates extends MongoRepository<QuestionnaireTemplate, UUID> {

    Optional<QuestionnaireTemplate> findFirstByNameOrderByVersionDesc(String name);

    List<QuestionnaireTemplate> findByNameOrderByVersionAsc(String name);
}
