package uk.alluris.marketing.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.alluris.events.ConsentWithdrawn;
import uk.alluris.events.EventType;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.inbox.ProcessedMessages;
import uk.alluris.kit.messaging.CloudEvents;
import uk.alluris.marketing.leads.LeadConsents;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.SubscriberConsents;

/**
 * Withdrawals recorded in the consent ledger ({@code consent.events}): a withdrawn {@code marketing.email} or
 * {@code marketing.sms} drops that channel's consent from every matching subscriber and lead, so the next campaign
 * skips them. Other events on the topic (grants, and types this version does not know) are not marketing's business
 * and are passed over; an unreadable withdrawal throws, so the binder retries it and parks it in this group's DLQ.
 * Each message is handled once; handling one again would change nothing anyway.
 */
@Component
class ConsentWithdrawals {

    static final String CONSUMER = "marketing-service/consent-events";
    private static final Logger log = LoggerFactory.getLogger(ConsentWithdrawals.class);

    private final ProcessedMessages processed;
    private final SubscriberConsents subscribers;
    private final LeadConsents leads;

    ConsentWithdrawals(ProcessedMessages processed, SubscriberConsents subscribers, LeadConsents leads) {
        this.processed = processed;
        this.subscribers = subscribers;
        this.leads = leads;
    }

    public void on(Message<byte[]> message) {
        if (!isWithdrawal(message)) {
            return;
        }
        processed.handleOnce(CONSUMER, message, () -> {
            PlatformEvent event = CloudEvents.read(message);
            if (event instanceof ConsentWithdrawn withdrawn) {
                apply(withdrawn);
            }
        });
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

    /** Whether the message claims to be a withdrawal; one with no type at all is unreadable (DLQ). */
    private static boolean isWithdrawal(Message<byte[]> message) {
        return EventType.CONSENT_WITHDRAWN.cloudEventType().equals(CloudEvents.type(message));
    }
}
