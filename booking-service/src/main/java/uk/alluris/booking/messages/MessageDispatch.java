package uk.alluris.booking.messages;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due, every few seconds. ShedLock keeps one replica dispatching at a time, which spares the store
 * needless contention; safety does not rest on it: each message is claimed atomically ({@link MessageClaims}).
 */
@Component
class MessageDispatch {

    /** Enough for one round; the rest waits for the next, so a backlog cannot hold the lock for long. */
    static final int PER_ROUND = 200;

    private final MessageClaims claims;
    private final MessageDelivery delivery;

    MessageDispatch(MessageClaims claims, MessageDelivery delivery) {
        this.claims = claims;
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${alluris.booking.messages.dispatch-interval:PT10S}",
            initialDelayString = "${alluris.booking.messages.dispatch-interval:PT10S}")
    @SchedulerLock(name = "booking-message-dispatch", lockAtMostFor = "PT5M")
    public void dispatchDue() {
        for (int sent = 0; sent < PER_ROUND && dispatchOne(); sent++) {
            // one claimed message at a time
        }
    }

    /** Claims and sends the next due message; false when none was due. */
    boolean dispatchOne() {
        return claims.claimNext().map(message -> {
            delivery.deliver(message);
            return true;
        }).orElse(false);
    }
}
