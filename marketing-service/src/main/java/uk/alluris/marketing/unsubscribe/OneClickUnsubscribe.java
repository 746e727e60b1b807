package uk.alluris.marketing.unsubscribe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;

/**
 * A reader leaving with the link in a message: unsubscribed from everything, every channel consent dropped, and
 * suppressed as an objection to direct marketing (so no list, form or lead adds them again). A
 * {@code SubscriberUnsubscribed} event leaves with the change, so the opt-out reaches every service (the
 * rights-request service files it as an objection to marketing). The suppression is written first: a crash between
 * the two leaves the person suppressed, and clicking again finishes the job. A second click changes nothing.
 */
@Service
class OneClickUnsubscribe {

    static final String SOURCE = "one-click-unsubscribe";
    private static final Logger log = LoggerFactory.getLogger(OneClickUnsubscribe.class);

    private final Subscribers subscribers;
    private final SuppressionList suppression;
    private final Clock clock;

    OneClickUnsubscribe(Subscribers subscribers, SuppressionList suppression, Clock clock) {
        this.subscribers = subscribers;
        this.suppression = suppression;
        this.clock = clock;
    }

    /** The subscriptions held under one email index (a signed-in client's own, for {@link SignedInPreferences}). */
    List<Subscriber> heldFor(String emailIndex) {
        return subscribers.findByEmailIndex(emailIndex);
    }

    /** Unsubscribes the subscriber; one already gone (erased) is already never sent anything. */
    void unsubscribe(UUID subscriberId) {
        Subscriber subscriber = subscribers.findById(subscriberId).orElse(null);
        if (subscriber == null) {
            log.info("one-click unsubscribe for a subscriber no longer held");
            return;
        }
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        if (subscriber.emailIndex() != null) {
            emails.add(subscriber.emailIndex());
        }
        if (subscriber.phoneIndex() != null) {
            phones.add(subscriber.phoneIndex());
        }
        suppression.suppress(emails, phones, SuppressionEntry.Reason.OBJECTION);
        Instant now = clock.instant();
        if (subscriber.optOut(now)) {
            if (subscriber.emailIndex() != null) {
                subscriber.record(new SubscriberUnsubscribed(UUID.randomUUID(), subscriber.id().toString(),
                        subscriber.emailIndex(), null, SOURCE, now));
            }
            subscribers.save(subscriber);
            log.info("subscriber {} unsubscribed from everything with one click", subscriber.id());
        }
    }
}
