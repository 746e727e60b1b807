package uk.alluris.booking.messages;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts other features ask to be mailed (deposits): queued like every message, so one that cannot be sent now is
 * retried and none is sent twice. A receipt is a service message: it goes to a restricted person too.
 */
@Component
public class ServiceMessages {

    private final MongoTemplate mongo;
    private final Clock clock;

    ServiceMessages(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Mails the client a receipt for a paid deposit; once per appointment. */
    public void depositPaid(UUID appointmentId, UUID clientId, long amountPence) {
        queue(appointmentId, clientId, ScheduledMessage.Kind.DEPOSIT_RECEIPT, amountPence);
    }

    /** Mails the client a receipt for a refunded deposit; once per appointment. */
    public void refundIssued(UUID appointmentId, UUID clientId, long amountPence) {
        queue(appointmentId, clientId, ScheduledMessage.Kind.REFUND_RECEIPT, amountPence);
    }

    private void queue(UUID appointmentId, UUID clientId, ScheduledMessage.Kind kind, long amountPence) {
        Instant now = clock.instant();
        MessageScheduling.insertOnce(mongo, ScheduledMessage.plan(appointmentId, clientId, kind, null,
                ScheduledMessage.Channel.EMAIL, Instant.EPOCH, now, amountPence, now));
    }
}
