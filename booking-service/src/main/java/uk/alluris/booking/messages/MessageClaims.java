package uk.alluris.booking.messages;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Who sends which message, decided by the store: a dispatcher claims a due message with one findAndModify
 * (PENDING → SENDING with a lease), so two replicas never hold the same message. A claim whose lease ran out (its
 * dispatcher died) is due again and is sent under the same key. Every later step is conditional on the claim still
 * being the one made, so a dispatcher that lost its lease cannot overwrite the one that took over.
 */
@Component
class MessageClaims {

    private final MongoTemplate mongo;
    private final MessageProperties properties;
    private final Clock clock;

    MessageClaims(MongoTemplate mongo, MessageProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** The next due message, now held by the caller until its lease ends; empty when none is due. */
    Optional<ScheduledMessage> claimNext() {
        Instant now = clock.instant();
        Query due = new Query(new Criteria().orOperator(
                where("status").is(ScheduledMessage.Status.PENDING).and("dueAt").lte(now),
                where("status").is(ScheduledMessage.Status.SENDING).and("leaseUntil").lt(now)))
                .with(Sort.by("dueAt"));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set("status", ScheduledMessage.Status.SENDING)
                .set("leaseUntil", now.plus(properties.lease())).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), ScheduledMessage.class));
    }

    /** Records the message sent with the provider's id; false when the claim was lost meanwhile. */
    boolean sent(ScheduledMessage claimed, String providerMessageId) {
        return finish(claimed, new Update().set("status", ScheduledMessage.Status.SENT).set("sentAt", clock.instant())
                .set("providerMessageId", providerMessageId).unset("leaseUntil").unset("lastError"));
    }

    /** Closes the message without sending it, saying why. */
    boolean cancelled(ScheduledMessage claimed, String reason) {
        return finish(claimed, new Update().set("status", ScheduledMessage.Status.CANCELLED).set("lastError", reason)
                .unset("leaseUntil"));
    }

    /** Puts the message back for a later try (doubling waits), or gives up after the last one: FAILED, for staff. */
    boolean failed(ScheduledMessage claimed, String reason) {
        Instant now = clock.instant();
        if (claimed.attempts() >= properties.maxAttempts()) {
            return finish(claimed, new Update().set("status", ScheduledMessage.Status.FAILED).set("lastError", reason)
                    .unset("leaseUntil"));
        }
        Instant retry = now.plus(properties.backoff(claimed.attempts()));
        if (claimed.channel() == ScheduledMessage.Channel.SMS) {
            retry = properties.quietHours().nextAllowed(retry);
        }
        return finish(claimed, new Update().set("status", ScheduledMessage.Status.PENDING).set("dueAt", retry)
                .set("lastError", reason).unset("leaseUntil"));
    }

    private boolean finish(ScheduledMessage claimed, Update update) {
        Query stillOurs = new Query(where("_id").is(claimed.key()).and("status").is(ScheduledMessage.Status.SENDING)
                .and("attempts").is(claimed.attempts()));
        return mongo.updateFirst(stillOurs, update, ScheduledMessage.class).getModifiedCount() > 0;
    }
}
