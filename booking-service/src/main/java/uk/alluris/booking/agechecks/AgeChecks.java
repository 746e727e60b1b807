package uk.alluris.booking.agechecks;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AgeChecks extends MongoRepository<AgeCheck, UUID> {

    List<AgeCheck> findByClientIdOrderByCheckedAtAsc(UUID clientId);

    boolean existsByClientId(UUID clientId);
}
