package uk.alluris.marketing.campaigns;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import uk.alluris.marketing.mail.MarketingMail;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;

/**
 * Sends a leased campaign to its list, person by person, each judged at the moment of sending by
 * {@link CampaignAudience}. Once per (campaign, subscriber) whatever happens: a person's send record is inserted
 * ({@code CLAIMED}) before their mail goes, and only the instance whose insert succeeded sends it; someone already
 * recorded (by this run, an earlier run that crashed, or another replica) is passed over. The lease is renewed before
 * each person, so an instance that lost it stops at once. A record left {@code CLAIMED} by a crashed instance is closed
 * as interrupted once it is older than a lease, never sent again: nobody gets a campaign twice. The campaign is
 * completed by the sender that finds no claim still open.
 */
@Service
class CampaignSender {

    private static final Logger log = LoggerFactory.getLogger(CampaignSender.class);

    private final MongoTemplate mongo;
    private final CampaignAudience audience;
    private final CampaignLeases leases;
    private final CampaignProgress progress;
    private final MarketingMail mail;
    private final Clock clock;

    CampaignSender(MongoTemplate mongo, CampaignAudience audience, CampaignLeases leases, CampaignProgress progress,
            MarketingMail mail, Clock clock) {
        this.mongo = mongo;
        this.audience = audience;
        this.leases = leases;
        this.progress = progress;
        this.mail = mail;
        this.clock = clock;
    }

    /** Drives a campaign this instance has just leased to its end (or until the lease is lost). */
    void drive(Campaign campaign) {
        MarketingChannel channel = MarketingChannel.fromWire(campaign.channel()).orElseThrow();
        for (Subscriber subscriber : audience.onList(campaign.list())) {
            if (!leases.renew(campaign.id())) {
                log.warn("campaign {}: lease lost, another instance carries on", campaign.id());
                return;
            }
            if (!mongo.exists(byId(CampaignSend.idOf(campaign.id(), subscriber.id())), CampaignSend.class)) {
                sendTo(campaign, subscriber, channel);
            }
        }
        closeInterrupted(campaign);
        if (mongo.exists(claimed(campaign), CampaignSend.class)) {
            // another sender of this campaign is mailing someone right now: whoever finishes last completes it
            return;
        }
        CampaignProgress.Counts counts = progress.counted(campaign.id());
        if (leases.complete(campaign.id(), counts)) {
            log.info("campaign {} to list {}: {} sent, {} failed, skipped {}", campaign.id(), campaign.list(),
                    counts.sent(), counts.failed(), counts.skipped());
        }
    }

    private void sendTo(Campaign campaign, Subscriber subscriber, MarketingChannel channel) {
        Optional<CampaignSend.Reason> refusal = audience.refusal(subscriber, channel);
        if (refusal.isPresent()) {
            claim(record(campaign, subscriber, CampaignSend.Outcome.SKIPPED, refusal.get()));
            return;
        }
        CampaignSend claimed = record(campaign, subscriber, CampaignSend.Outcome.CLAIMED, null);
        if (!claim(claimed)) {
            return;
        }
        try {
            mail.sendMarketing(subscriber.email(), subscriber.id(), campaign.subject(), campaign.body());
            close(claimed, CampaignSend.Outcome.SENT, null);
        } catch (MailException | MessagingException e) {
            log.warn("campaign {}: the message to subscriber {} was refused: {}", campaign.id(), subscriber.id(),
                    e.getClass().getSimpleName());
            close(claimed, CampaignSend.Outcome.FAILED, CampaignSend.Reason.SMTP_ERROR);
        }
    }

    /** Records the person's outcome unless someone did first; true when this instance did. */
    private boolean claim(CampaignSend send) {
        try {
            mongo.insert(send);
            return true;
        } catch (DuplicateKeyException alreadyHandled) {
            return false;
        }
    }

    private void close(CampaignSend claimed, CampaignSend.Outcome outcome, CampaignSend.Reason reason) {
        mongo.updateFirst(byId(claimed.id()).addCriteria(where("outcome").is(CampaignSend.Outcome.CLAIMED)),
                new Update().set("outcome", outcome).set("reason", reason).set("sentAt", clock.instant()),
                CampaignSend.class);
    }

    /**
     * Claims nobody confirmed within a lease: their sender died between claim and confirmation (a live sender renews
     * its lease before each claim and confirms at once, so a claim older than a lease has no one left to finish it).
     */
    private void closeInterrupted(Campaign campaign) {
        mongo.updateMulti(claimed(campaign).addCriteria(where("sentAt").lt(clock.instant().minus(leases.duration()))),
                new Update().set("outcome", CampaignSend.Outcome.FAILED).set("reason", CampaignSend.Reason.INTERRUPTED),
                CampaignSend.class);
    }

    private static Query claimed(Campaign campaign) {
        return new Query(where("campaignId").is(campaign.id()).and("outcome").is(CampaignSend.Outcome.CLAIMED));
    }

    private CampaignSend record(Campaign campaign, Subscriber subscriber, CampaignSend.Outcome outcome,
            CampaignSend.Reason reason) {
        return CampaignSend.of(campaign.id(), subscriber.id(), subscriber.emailIndex(), clock.instant(), outcome, reason);
    }

    private static Query byId(String id) {
        return new Query(where("_id").is(id));
    }
}
