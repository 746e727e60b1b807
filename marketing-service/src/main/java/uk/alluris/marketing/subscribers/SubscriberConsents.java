package uk.alluris.marketing.subscribers;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A consent withdrawn in the ledger no longer counts on the person's subscribers. */
@Component
public class SubscriberConsents {

    private final Subscribers subscribers;

    SubscriberConsents(Subscribers subscribers) {
        this.subscribers = subscribers;
    }

    /** Drops the channel's consent from every subscriber matching these ids or email indexes; returns how many changed. */
    public int withdraw(Collection<UUID> ids, Collection<String> emailIndexes, MarketingChannel channel) {
        int changed = 0;
        for (Subscriber subscriber : subscribers.findMatching(ids, emailIndexes, List.of())) {
            if (subscriber.withdraw(channel)) {
                subscribers.save(subscriber);
                changed++;
            }
        }
        return changed;
    }
}
