package uk.alluris.marketing.campaigns;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * How far a campaign has got, counted from its send records (while it is sending) or as frozen when it completed.
 */
@Component
class CampaignProgress {

    /** Sent, failed and skipped (by reason); {@code claimed} are being sent right now. */
    record Counts(int sent, int failed, int claimed, Map<CampaignSend.Reason, Integer> skipped) {

        int handled() {
            return sent + failed + claimed + skipped.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final CampaignSends sends;

    CampaignProgress(CampaignSends sends) {
        this.sends = sends;
    }

    Counts of(Campaign campaign) {
        if (campaign.status() == Campaign.Status.SENT) {
            return new Counts(campaign.sent(), campaign.failed(), 0, campaign.skipped());
        }
        return counted(campaign.id());
    }

    Counts counted(UUID campaignId) {
        int sent = 0;
        int failed = 0;
        int claimed = 0;
        Map<CampaignSend.Reason, Integer> skipped = new EnumMap<>(CampaignSend.Reason.class);
        for (CampaignSend send : sends.findByCampaign(campaignId)) {
            switch (send.outcome()) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case CLAIMED -> claimed++;
                case SKIPPED -> skipped.merge(send.reason(), 1, Integer::sum);
            }
        }
        return new Counts(sent, failed, claimed, skipped);
    }
}
