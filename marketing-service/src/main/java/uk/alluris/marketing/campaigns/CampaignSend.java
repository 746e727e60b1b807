package uk.alluris.marketing.campaigns;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a campaign did for one person on its list: sent, skipped (and why) or failed. Keyed by campaign and subscriber,
 * so a person is recorded (and sent) once per campaign: the record is inserted as {@link Outcome#CLAIMED} before the
 * mail goes, and only the instance whose insert succeeded sends it. No contact details: the subscriber id, and the email's blind
 * index so that an erasure naming the address finds the record after the subscriber is gone.
 */
@Document("campaign_sends")
record CampaignSend(@Id String id, @Indexed UUID campaignId, @Indexed UUID subscriberId,
        @Indexed String emailIndex, Instant sentAt, Outcome outcome, Reason reason) {

    public enum Outcome {
        /** Taken by one sending instance; the mail is going now. */
        CLAIMED, SENT, SKIPPED, FAILED
    }

    public enum Reason {
        /** Erased or objected: never marketed to again. */
        SUPPRESSED,
        /** Processing restricted while it lasts. */
        RESTRICTED,
        /** No current consent for the campaign's channel (never given, or withdrawn). */
        NO_CONSENT,
        /** No address for the channel. */
        NO_ADDRESS,
        /** The mail server refused the message. */
        SMTP_ERROR,
        /**
         * The instance that claimed this person stopped before it recorded the outcome: the mail may or may not have
         * gone, so it is not sent again (nobody gets a campaign twice).
         */
        INTERRUPTED
    }

    static String idOf(UUID campaignId, UUID subscriberId) {
        return campaignId + ":" + subscriberId;
    }

    static CampaignSend of(UUID campaignId, UUID subscriberId, String emailIndex, Instant at, Outcome outcome,
            Reason reason) {
        return new CampaignSend(idOf(campaignId, subscriberId), campaignId, subscriberId, emailIndex, at, outcome, reason);
    }
}
