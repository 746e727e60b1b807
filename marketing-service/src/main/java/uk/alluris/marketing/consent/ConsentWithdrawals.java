package uk.alluris.marketing.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.marketing.leads.LeadConsents;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.SubscriberConsents;

/**
 * Withdrawals recorded in the consent ledger ({@code consent.events}): a withdrawn {@code marketing.email} or
 * {@code marketing.sms} drops that channel's consent from every matching subscriber and lead, so the next campaign
 * skips them. The kit's typed consumer hands it withdrawals only ({@link ConsentEventsConfiguration}); other events on
 * the topic are passed over by the platform's policy, and an unreadable withdrawal throws, so the binder retries it and
 * parks it in this group's DLQ. Each message is handled once; handling one again would change nothing anyway.
 */
@Component
class ConsentWithdrawals {

    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawals.class);

    private final SubscriberConsents subscribers;
    private final LeadConsents leads;

    ConsentWithdrawals(SubscriberConsents subscribers, LeadConsents leads) {
        this.subscribers = subscribers;
        this.leads = leads;
    }

    /** Drops the channel's consent for every subscriber and lead of the person; returns how many changed. */
    int apply(ConsentWithdrawn withdrawn) {
        Optional<MarketingChannel> channel = MarketingChannel.fromPurpose(withdrawn.purpose());
        if (channel.isEmpty()) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        if (withdrawn.subjectId() != null) {
            try {
                ids.add(UUID.fromString(withdrawn.subjectId()));
            } catch (IllegalArgumentException notOurs) {
                // a subject id minted elsewhere in a form marketing does not use
            }
        }
        List<String> emails = withdrawn.emailIndex() == null ? List.of() : List.of(withdrawn.emailIndex());
        int changed = subscribers.withdraw(ids, emails, channel.get()) + leads.withdraw(ids, emails, channel.get());
        log.info("consent withdrawal for {} applied to {} record(s)", withdrawn.purpose(), changed);
        return changed;
    }
}
