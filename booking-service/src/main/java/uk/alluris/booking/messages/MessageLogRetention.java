package uk.alluris.booking.messages;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * The log of messages sent ({@code message-logs} in the register): a message that is done — sent, failed or
 * cancelled — ends its period after the time it was due; one still waiting to be sent is never ended here.
 */
@Component
class MessageLogRetention extends StampedRetention {

    MessageLogRetention(MongoTemplate mongo) {
        super("message-logs", mongo, "dueAt", Criteria.where("status").in(ScheduledMessage.Status.SENT.name(),
                ScheduledMessage.Status.FAILED.name(), ScheduledMessage.Status.CANCELLED.name()), "scheduled_messages");
    }
}
