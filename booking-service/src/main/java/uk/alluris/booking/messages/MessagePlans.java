package uk.alluris.booking.messages;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MessagePlans extends MongoRepository<MessagePlan, UUID> {

    long deleteByClientIdIn(Collection<UUID> clientIds);
}
