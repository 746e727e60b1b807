package uk.alluris.booking.deposits;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.StampedRetention;

/** Deposits and their refunds are payments in the register: they end with them, by the date they were taken. */
@Component
class DepositRetention extends StampedRetention {

    DepositRetention(MongoTemplate mongo) {
        super("payments", mongo, "recordedAt", null, "deposits");
    }
}
