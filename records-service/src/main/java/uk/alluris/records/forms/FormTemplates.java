package uk.alluris.records.forms;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface FormTemplates extends MongoRepository<FormTemplate, UUID> {

    Optional<FormTemplate> findFirstByTreatmentOrderByVersionDesc(String treatment);

    List<FormTemplate> findByTreatmentOrderByVersionAsc(String treatment);
}
