package uk.alluris.booking.payments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;

/**
 * Applies the payment processor's word on a payment. A status only moves forward ({@link Payment.Status}), decided by
 * one conditional update on the payment's current status, so two notifications handled at once cannot both win and a
 * late or replayed one cannot take the payment back. A notification that would is kept on the payment with the reason
 * it was not applied.
 */
@Service
class ProcessorNotifications {

    private static final Logger log = LoggerFactory.getLogger(ProcessorNotifications.class);

    /** What became of a notification. */
    record Outcome(Payment payment, boolean applied, String reason) {
    }

    private final Payments payments;
    private final MongoTemplate mongo;
    private final Clock clock;

    ProcessorNotifications(Payments payments, MongoTemplate mongo, Clock clock) {
        this.payments = payments;
        this.mongo = mongo;
        this.clock = clock;
    }

    Outcome statusChanged(String processorReference, Payment.Status next, String eventId) {
        Payment payment = payments.findFirstByProcessorReference(processorReference)
                .orElseThrow(() -> ProblemException.notFound("payment with that processor reference"));
        Instant now = clock.instant();
        boolean moved = mongo.updateFirst(new Query(where("_id").is(payment.id()).and("status").in(Payment.Status.before(next))),
                new Update().set("status", next).push("processorNotices",
                        new Payment.ProcessorNotice(next, eventId, true, null, now)), Payment.class).getModifiedCount() > 0;
        if (moved) {
            return new Outcome(reread(payment), true, null);
        }
        Payment current = reread(payment);
        String reason = current.status() == next ? "the payment is already " + next
                : "a payment status never moves backwards: it is " + current.status() + ", later than " + next;
        mongo.updateFirst(new Query(where("_id").is(payment.id())), new Update().push("processorNotices",
                new Payment.ProcessorNotice(next, eventId, false, reason, now)), Payment.class);
        log.info("payment {}: processor notification {} not applied ({})", payment.id(), next, reason);
        return new Outcome(reread(payment), false, reason);
    }

    private Payment reread(Payment payment) {
        return payments.findById(payment.id()).orElseThrow(() -> ProblemException.notFound("payment " + payment.id()));
    }
}
