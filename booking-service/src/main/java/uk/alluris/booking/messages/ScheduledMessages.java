package uk.alluris.booking.messages;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ScheduledMessages extends MongoRepository<ScheduledMessage, String> {

    List<ScheduledMessage> findByAppointmentIdAndStatus(UUID appointmentId, ScheduledMessage.Status status);

    List<ScheduledMessage> findByClientIdInOrderByDueAtAsc(Collection<UUID> clientIds);

    long deleteByClientIdIn(Collection<UUID> clientIds);

    List<ScheduledMessage> findTop200ByStatusOrderByDueAtAsc(ScheduledMessage.Status status);
}
