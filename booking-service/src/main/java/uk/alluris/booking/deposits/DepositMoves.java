package uk.alluris.booking.deposits;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves a deposit to its next status by one conditional update on the status it must come from, so two events
 * handled at once cannot both win, and only the winner goes on to refund or mail a receipt.
 */
@Component
class DepositMoves {

    private final MongoTemplate mongo;
    private final Clock clock;

    DepositMoves(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True when this call moved the deposit; false when it is elsewhere already (the move is then not made). */
    boolean move(UUID appointmentId, Deposit.Status next, String reason, String processorEvent) {
        return move(appointmentId, next, reason, processorEvent, new Update());
    }

    boolean move(UUID appointmentId, Deposit.Status next, String reason, String processorEvent, Update alsoSet) {
        Query query = new Query(where("_id").is(appointmentId).and("status").in(next.from()));
        Update update = alsoSet.set("status", next)
                .push("history", new Deposit.Change(next, reason, processorEvent, clock.instant()));
        return mongo.updateFirst(query, update, Deposit.class).getModifiedCount() > 0;
    }
}
