package uk.alluris.web.staff.marketing;

import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;
import uk.alluris.web.staff.marketing.CampaignViews.Audience;
import uk.alluris.web.staff.marketing.CampaignViews.Campaign;
import uk.alluris.web.staff.marketing.CampaignViews.Draft;

/**
 * Campaigns (ADMIN, as marketing decides): compose one (list, subject, body), see how many would receive it now, send
 * it, and watch it being sent (htmx polls the progress fragment until it is done). The compose form carries an
 * {@code Idempotency-Key} made when it was drawn, so a double click or a resubmitted form sends one campaign.
 */
@Controller
class CampaignPages {

    private static final ParameterizedTypeReference<List<Campaign>> CAMPAIGNS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;

    CampaignPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/marketing/campaigns")
    String campaigns(@RequestParam(defaultValue = "1") int page, Model model) {
        return compose(Draft.email("newsletter", "", ""), null, page, model);
    }

    /** Step one: the count of who would receive it, with the draft kept and the send button. */
    @PostMapping("/staff/marketing/campaigns/audience")
    String audience(@RequestParam(required = false) String list, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body, Model model) {
        Draft draft = Draft.email(list, subject, body);
        try {
            Audience audience = calls.get(Service.MARKETING, "/api/marketing/campaigns/audience?list={list}&channel=email",
                    Audience.class, draft.list());
            return compose(draft, audience, 1, model);
        } catch (ServiceRefused refused) {
            return refusedOn(draft, refused, model);
        }
    }

    @PostMapping("/staff/marketing/campaigns")
    String send(@RequestParam(required = false) String key, @RequestParam(required = false) String list,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body, Model model) {
        Draft draft = Draft.email(list, subject, body);
        try {
            Campaign campaign = calls.postOnce(Service.MARKETING, "/api/marketing/campaigns",
                    key == null ? "" : key, draft, Campaign.class);
            return "redirect:/staff/marketing/campaigns/" + campaign.id();
        } catch (ServiceRefused refused) {
            return refusedOn(draft, refused, model);
        }
    }

    @GetMapping("/staff/marketing/campaigns/{id}")
    String campaign(@PathVariable UUID id, Model model) {
        model.addAttribute("campaign", calls.get(Service.MARKETING, "/api/marketing/campaigns/{id}", Campaign.class, id));
        return "staff/marketing/campaign";
    }

    /** The part htmx swaps every second while the campaign is being sent. */
    @GetMapping("/staff/marketing/campaigns/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        campaign(id, model);
        return "staff/marketing/campaign :: progress";
    }

    private String compose(Draft draft, Audience audience, int page, Model model) {
        model.addAttribute("draft", draft);
        model.addAttribute("audience", audience);
        // a new key for every form drawn: one campaign per composed form, however often it is submitted
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("campaigns", Paged.of(calls.get(Service.MARKETING, "/api/marketing/campaigns", CAMPAIGNS),
                page));
        return "staff/marketing/campaigns";
    }

    private String refusedOn(Draft draft, ServiceRefused refused, Model model) {
        if (refused.signInNeeded() || refused.forbidden()) {
            throw refused;
        }
        model.addAttribute("refused", refused.title() + ": " + refused.detail());
        return compose(draft, null, 1, model);
    }
}
