package uk.alluris.marketing.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PrivacyEffects;

/**
 * What a privacy request does to the record of campaigns sent to the person (found by subscriber id, or by email
 * index once the subscriber is gone): erased with them, exported as the campaigns they received.
 */
@Component
public class CampaignSendPrivacy {

    public static final String CAMPAIGN_SENDS = "campaign-sends";
    public static final String CAMPAIGNS_EXPORT = "campaigns-received";

    /** One campaign received. */
    public record Received(String subject, String list, String channel, Instant sentAt) {
    }

    private final CampaignSends sends;
    private final Campaigns campaigns;

    private final PrivacyEffects effects;

    CampaignSendPrivacy(CampaignSends sends, Campaigns campaigns, PrivacyEffects effects) {
        this.effects = effects;
        this.sends = sends;
        this.campaigns = campaigns;
    }

    public CategoryOutcome erase(SubjectIdentifiers person) {
        List<CampaignSend> sent = theirs(person);
        int erased = effects.planned(CAMPAIGN_SENDS, sent.stream().map(CampaignSend::id).toList());
        sends.deleteAll(sent);
        return CategoryOutcome.counted(CAMPAIGN_SENDS, Outcome.ERASED, erased);
    }

    /** The campaigns actually sent to the person (not those they were skipped for). */
    public List<Received> export(SubjectIdentifiers person) {
        Map<UUID, Campaign> byId = new LinkedHashMap<>();
        List<Received> received = new ArrayList<>();
        for (CampaignSend send : theirs(person)) {
            if (send.outcome() != CampaignSend.Outcome.SENT) {
                continue;
            }
            Campaign campaign = byId.computeIfAbsent(send.campaignId(), id -> campaigns.findById(id).orElse(null));
            if (campaign != null) {
                received.add(new Received(campaign.subject(), campaign.list(), campaign.channel(), send.sentAt()));
            }
        }
        return received;
    }

    private List<CampaignSend> theirs(SubjectIdentifiers person) {
        return sends.findMatching(person.subjectUuids(), person.emailIndexes());
    }
}
