package uk.alluris.booking.payments;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Staff record where a payment now stands (paid at the desk, refunded): under the same rule as the processor's
 * notifications, a status only moves forward ({@link Payment.Status}), decided by one conditional update so that a
 * notification arriving at the same moment cannot be overwritten backwards. Who marked it and when stays on the payment.
 */
@Service
class StaffPaymentMarks {

    private final Payments payments;
    private final MongoTemplate mongo;
    private final Clock clock;

    StaffPaymentMarks(Payments payments, MongoTemplate mongo, Clock clock) {
        this.payments = payments;
        this.mongo = mongo;
        this.clock = clock;
    }

    Payment mark(UUID id, Payment.Status next) {
        String by = CurrentCaller.get().filter(caller -> !caller.isClient()).map(CurrentCaller::subject)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "a payment's status is recorded by staff"));
        Payment payment = payments.findById(id).orElseThrow(() -> ProblemException.notFound("payment " + id));
        boolean moved = mongo.updateFirst(new Query(where("_id").is(id).and("status").in(Payment.Status.before(next))),
                new Update().set("status", next).push("staffMarks", new Payment.StaffMark(next, by, clock.instant())),
                Payment.class).getModifiedCount() > 0;
        Payment current = payments.findById(id).orElseThrow(() -> ProblemException.notFound("payment " + id));
        if (!moved) {
            throw new ProblemException(HttpStatus.CONFLICT, "Status never moves backwards", current.status() == next
                    ? "the payment is already " + next
                    : "the payment is " + current.status() + "; a status moves only forward, in the order "
                            + "PENDING, FAILED, PAID, REFUNDED");
        }
        return current;
    }
}
