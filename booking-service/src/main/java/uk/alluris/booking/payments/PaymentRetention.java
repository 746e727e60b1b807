package uk.alluris.booking.payments;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/**
 * Payments end with the financial records they are ({@code payments} in the register: 6 years after the end of the
 * financial year of the payment), whether or not their client was erased: they are what is erased on that day.
 */
@Component
class PaymentRetention extends StampedRetention {

    PaymentRetention(MongoTemplate mongo) {
        super(PaymentPrivacy.PAYMENTS, mongo, "recordedAt", null, "payments");
    }
}
