package uk.alluris.marketing.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Who on a list a campaign may reach, decided at the moment of asking: only someone neither suppressed nor restricted,
 * with current consent for the channel (a withdrawal recorded a moment ago already counts) and an address for it. The
 * one rule used both for the count staff see before sending and for each person as the campaign is sent.
 */
@Component
class CampaignAudience {

    /** How many on a list a campaign would reach now, and why the others would be skipped. */
    record Count(
            @Schema(description = "The list counted", example = "newsletter") String list,
            @Schema(description = "The channel counted for: email", example = "email") String channel,
            @Schema(description = "How many subscribers are on the list", example = "250") int onList,
            @Schema(description = "How many of them the campaign would reach if sent now", example = "231")
            int wouldReceive,
            @Schema(description = "How many would be skipped, by reason: SUPPRESSED (erased or objected), RESTRICTED, "
                    + "NO_CONSENT (none for the channel, or withdrawn), NO_ADDRESS",
                    example = "{\"SUPPRESSED\": 4, \"RESTRICTED\": 1, \"NO_CONSENT\": 14}")
            Map<CampaignSend.Reason, Integer> skipped) {
    }

    private final Subscribers subscribers;
    private final MarketingEligibility eligibility;

    CampaignAudience(Subscribers subscribers, MarketingEligibility eligibility) {
        this.subscribers = subscribers;
        this.eligibility = eligibility;
    }

    List<Subscriber> onList(String list) {
        return subscribers.findByList(list);
    }

    /** Why this person must not be sent the campaign now; empty when they may. */
    Optional<CampaignSend.Reason> refusal(Subscriber subscriber, MarketingChannel channel) {
        MarketingEligibility.Verdict verdict = eligibility.verdict(subscriber.id().toString(), subscriber.emailIndex(),
                subscriber.phoneIndex());
        if (verdict == MarketingEligibility.Verdict.SUPPRESSED) {
            return Optional.of(CampaignSend.Reason.SUPPRESSED);
        }
        if (verdict == MarketingEligibility.Verdict.RESTRICTED) {
            return Optional.of(CampaignSend.Reason.RESTRICTED);
        }
        if (!subscriber.hasConsent(channel)) {
            return Optional.of(CampaignSend.Reason.NO_CONSENT);
        }
        if (subscriber.email() == null) {
            return Optional.of(CampaignSend.Reason.NO_ADDRESS);
        }
        return Optional.empty();
    }

    Count count(String list, MarketingChannel channel) {
        List<Subscriber> everyone = onList(list);
        Map<CampaignSend.Reason, Integer> skipped = new EnumMap<>(CampaignSend.Reason.class);
        int reached = 0;
        for (Subscriber subscriber : everyone) {
            Optional<CampaignSend.Reason> refusal = refusal(subscriber, channel);
            if (refusal.isPresent()) {
                skipped.merge(refusal.get(), 1, Integer::sum);
            } else {
                reached++;
            }
        }
        return new Count(list, channel.wireName(), everyone.size(), reached, skipped);
    }
}
