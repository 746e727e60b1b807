package uk.alluris.marketing.campaigns;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * Campaigns: staff ({@code ADMIN}) send one to a list; staff see what each did, person by person (subscriber ids and
 * outcomes, no contact details). Only email campaigns are sent from here.
 */
@RestController
@RequestMapping("/api/marketing/campaigns")
class CampaignController {

    record NewCampaign(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}",
            message = "list names are lower-case letters, digits and dashes") String list,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "a subject is one line") String subject,
            @NotBlank @Size(max = 100_000) String body,
            @NotBlank @Pattern(regexp = "email", message = "only email campaigns can be sent") String channel) {
    }

    record SendView(UUID subscriberId, Instant sentAt, CampaignSend.Outcome outcome, CampaignSend.Reason reason) {
    }

    record CampaignView(UUID id, String list, String subject, String channel, Campaign.Status status, Instant createdAt,
            Instant completedAt, int sent, int failed, Map<CampaignSend.Reason, Integer> skipped, List<SendView> sends) {
    }

    private final CampaignSender sender;
    private final Campaigns campaigns;
    private final CampaignSends sends;

    CampaignController(CampaignSender sender, Campaigns campaigns, CampaignSends sends) {
        this.sender = sender;
        this.campaigns = campaigns;
        this.sends = sends;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView send(@Valid @RequestBody NewCampaign body) {
        Campaign campaign = sender.send(body.list(), body.subject().strip(), body.body(),
                MarketingChannel.fromWire(body.channel()).orElseThrow());
        return view(campaign, null);
    }

    @GetMapping("/{id}")
    CampaignView one(@PathVariable UUID id) {
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
        return view(campaign, sends.findByCampaign(id).stream()
                .map(s -> new SendView(s.subscriberId(), s.sentAt(), s.outcome(), s.reason())).toList());
    }

    /** Every campaign, newest first, without the per-person record. */
    @GetMapping
    List<CampaignView> all(Paging paging) {
        return paging.of(campaigns.findAll(Sort.by(Sort.Direction.DESC, "createdAt")).stream().map(c -> view(c, null))
                .toList());
    }

    private static CampaignView view(Campaign c, List<SendView> perPerson) {
        return new CampaignView(c.id(), c.list(), c.subject(), c.channel(), c.status(), c.createdAt(), c.completedAt(),
                c.sent(), c.failed(), c.skipped(), perPerson);
    }
}
