package uk.alluris.marketing.campaigns;

import jakarta.mail.MessagingException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Sends a campaign to a list, person by person, at the moment of sending: only to someone neither suppressed nor
 * restricted, with current consent for the channel (a withdrawal recorded a moment ago already counts) and an address
 * for it. Each person's outcome is recorded before the next is tried, so the record shows exactly who was sent what.
 */
@Service
class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);

    private final Campaigns campaigns;
    private final CampaignSends sends;
    private final Subscribers subscribers;
    private final MarketingEligibility eligibility;
    private final MarketingMail mail;
    private final Clock clock;

    CampaignSender(Campaigns campaigns, CampaignSends sends, Subscribers subscribers, MarketingEligibility eligibility,
            MarketingMail mail, Clock clock) {
        this.campaigns = campaigns;
        this.sends = sends;
        this.subscribers = subscribers;
        this.eligibility = eligibility;
        this.mail = mail;
        this.clock = clock;
    }

    Campaign send(String list, String subject, String body, MarketingChannel channel) {
        Campaign campaign = campaigns.save(Campaign.start(list, subject, body, channel.wireName(), clock.instant()));
        for (Subscriber subscriber : subscribers.findByList(list)) {
            if (sends.existsById(CampaignSend.idOf(campaign.id(), subscriber.id()))) {
                continue;
            }
            CampaignSend send = sendTo(campaign, subscriber, channel);
            sends.save(send);
            campaign.count(send);
        }
        campaign.completed(clock.instant());
        Campaign done = campaigns.save(campaign);
        log.info("campaign {} to list {}: {} sent, {} failed, skipped {}", done.id(), list, done.sent(), done.failed(),
                done.skipped());
        return done;
    }

    private CampaignSend sendTo(Campaign campaign, Subscriber subscriber, MarketingChannel channel) {
        MarketingEligibility.Verdict verdict = eligibility.verdict(subscriber.id().toString(), subscriber.emailIndex(),
                subscriber.phoneIndex());
        if (verdict == MarketingEligibility.Verdict.SUPPRESSED) {
            return skipped(campaign, subscriber, CampaignSend.Reason.SUPPRESSED);
        }
        if (verdict == MarketingEligibility.Verdict.RESTRICTED) {
            return skipped(campaign, subscriber, CampaignSend.Reason.RESTRICTED);
        }
        if (!subscriber.hasConsent(channel)) {
            return skipped(campaign, subscriber, CampaignSend.Reason.NO_CONSENT);
        }
        if (subscriber.email() == null) {
            return skipped(campaign, subscriber, CampaignSend.Reason.NO_ADDRESS);
        }
        try {
            mail.sendMarketing(subscriber.email(), subscriber.id(), campaign.subject, campaign.body);
            return CampaignSend.of(campaign.id(), subscriber.id(), subscriber.emailIndex(), clock.instant(),
                    CampaignSend.Outcome.SENT, null);
        } catch (MailException | MessagingException e) {
            log.warn("campaign {}: the message to subscriber {} was refused: {}", campaign.id(), subscriber.id(),
                    e.getClass().getSimpleName());
            return CampaignSend.of(campaign.id(), subscriber.id(), subscriber.emailIndex(), clock.instant(),
                    CampaignSend.Outcome.FAILED, CampaignSend.Reason.SMTP_ERROR);
        }
    }

    private CampaignSend skipped(Campaign campaign, Subscriber subscriber, CampaignSend.Reason reason) {
        return CampaignSend.of(campaign.id(), subscriber.id(), subscriber.emailIndex(), clock.instant(),
                CampaignSend.Outcome.SKIPPED, reason);
    }
}
