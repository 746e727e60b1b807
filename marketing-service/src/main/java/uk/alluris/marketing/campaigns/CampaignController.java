package uk.alluris.marketing.campaigns;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * Campaigns: staff ({@code ADMIN}) create one for a list with an {@code Idempotency-Key}, get {@code 202} and its
 * address at once, and watch its progress while it is sent in the background; the same key and request again answer
 * the same campaign ({@code 200}). Before sending, staff see how many the list would reach now. Staff see what each
 * campaign did, person by person (subscriber ids and outcomes, no contact details). Only email campaigns are sent.
 */
@RestController
@RequestMapping("/api/marketing/campaigns")
class CampaignController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String LIST_NAME = "[a-z0-9][a-z0-9-]{0,62}";
    private static final String LIST_RULE = "list names are lower-case letters, digits and dashes";

    record NewCampaign(@NotBlank @Pattern(regexp = LIST_NAME, message = LIST_RULE) String list,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "a subject is one line") String subject,
            @NotBlank @Size(max = 100_000) String body,
            @NotBlank @Pattern(regexp = "email", message = "only email campaigns can be sent") String channel) {
    }

    record SendView(UUID subscriberId, Instant sentAt, CampaignSend.Outcome outcome, CampaignSend.Reason reason) {
    }

    record CampaignView(UUID id, String list, String subject, String channel, Campaign.Status status, Instant createdAt,
            Instant completedAt, int total, int sent, int failed, int sending, Map<CampaignSend.Reason, Integer> skipped,
            List<SendView> sends) {
    }

    private final Campaigns campaigns;
    private final CampaignSends sends;
    private final CampaignRequests requests;
    private final CampaignAudience audience;
    private final CampaignProgress progress;
    private final CampaignDriving driving;
    private final KnownLists knownLists;
    private final MongoTemplate mongo;
    private final Clock clock;

    CampaignController(Campaigns campaigns, CampaignSends sends, CampaignRequests requests, CampaignAudience audience,
            CampaignProgress progress, CampaignDriving driving, KnownLists knownLists, MongoTemplate mongo,
            Clock clock) {
        this.campaigns = campaigns;
        this.sends = sends;
        this.requests = requests;
        this.audience = audience;
        this.progress = progress;
        this.driving = driving;
        this.knownLists = knownLists;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CampaignView> create(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @Valid @RequestBody NewCampaign body) {
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "the Idempotency-Key header is required:"
                    + " 8 to 100 letters, digits or . _ : - (a new random value per campaign, the same on a retry)");
        }
        if (!requests.taken(key)) {
            // a retry of a campaign already made answers it even if its list has emptied since
            knownLists.requireMembers(body.list());
        }
        String subject = body.subject().strip();
        CampaignRequests.Taken taken = requests.take(key, body.list(), subject, body.body(), body.channel());
        Campaign campaign = campaigns.findById(taken.campaignId()).orElseGet(() -> created(taken.campaignId(), body,
                subject));
        driving.wake();
        return ResponseEntity.status(taken.first() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/marketing/campaigns/" + campaign.id())).body(view(campaign, null));
    }

    /** How many on the list the campaign would reach if sent now, by the very rule applied at sending. */
    @GetMapping("/audience")
    CampaignAudience.Count audience(@RequestParam String list, @RequestParam(defaultValue = "email") String channel) {
        if (!list.matches(LIST_NAME)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "list: " + LIST_RULE);
        }
        MarketingChannel wanted = MarketingChannel.fromWire(channel).filter(c -> c == MarketingChannel.EMAIL)
                .orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "channel: only email campaigns can be sent"));
        return audience.count(list, wanted);
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

    /** The campaign a newly taken key names; inserted, so two racing retries of one request make it once. */
    private Campaign created(UUID id, NewCampaign body, String subject) {
        Campaign campaign = Campaign.start(id, body.list(), subject, body.body(), body.channel(),
                audience.onList(body.list()).size(), clock.instant());
        try {
            return mongo.insert(campaign);
        } catch (DuplicateKeyException racingRetry) {
            return campaigns.findById(id).orElseThrow();
        }
    }

    private CampaignView view(Campaign c, List<SendView> perPerson) {
        CampaignProgress.Counts counts = progress.of(c);
        return new CampaignView(c.id(), c.list(), c.subject(), c.channel(), c.status(), c.createdAt(), c.completedAt(),
                Math.max(c.total(), counts.handled()), counts.sent(), counts.failed(), counts.claimed(), counts.skipped(),
                perPerson);
    }
}
