package uk.alluris.booking.deposits;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Deposits extends MongoRepository<Deposit, UUID> {

    Optional<Deposit> findByIntentId(String intentId);

    List<Deposit> findByStatus(Deposit.Status status);

    List<Deposit> findByClientIdInOrderByRecordedAtAsc(Collection<UUID> clientIds);
}
