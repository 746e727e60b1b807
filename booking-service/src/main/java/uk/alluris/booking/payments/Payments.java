package uk.alluris.booking.payments;

import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Payments extends MongoRepository<Payment, UUID> {

    List<Payment> findByClientIdOrderByRecordedAtAsc(UUID clientId);

    java.util.Optional<Payment> findFirstByProcessorReference(String processorReference);
}
