package uk.alluris.marketing.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record NewCampaign(
            @Schema(description = "The list to send to: a list with subscribers, named in lower-case letters, digits "
                    + "and dashes", example = "newsletter") @NotBlank @Pattern(regexp = LIST_NAME, message = LIST_RULE)
            String list,
            @Schema(description = "The message's subject: one line, up to 200 characters",
                    example = "Our winter skin clinic opens on 3 December")
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "a subject is one line")
            String subject,
            @Schema(description = "The message's text (up to 100,000 characters); every mail adds an unsubscribe link",
                    example = "Hello,\n\nOur winter skin clinic opens on 3 December. Book at the front desk or online.")
            @NotBlank @Size(max = 100_000) String body,
            @Schema(description = "The channel to send by; only email is sent", example = "email")
            @NotBlank @Pattern(regexp = "email", message = "only email campaigns can be sent") String channel) {
    }

    record SendView(
            @Schema(description = "The subscriber this outcome is for (no contact details)",
                    example = "3c9a1f5e-7b2d-4e6f-8a0b-9c1d2e3f4a5b") UUID subscriberId,
            @Schema(description = "When the outcome was recorded, or for CLAIMED when sending began (ISO-8601 "
                    + "instant, UTC)",
                    example = "2026-12-03T10:31:05Z") Instant sentAt,
            @Schema(description = "CLAIMED (being sent now), SENT, SKIPPED or FAILED", example = "SENT")
            CampaignSend.Outcome outcome,
            @Schema(description = "Why it was skipped or failed: SUPPRESSED, RESTRICTED, NO_CONSENT, NO_ADDRESS, "
                    + "SMTP_ERROR, INTERRUPTED; absent when sent", example = "NO_CONSENT") CampaignSend.Reason reason) {
    }

    record CampaignView(
            @Schema(description = "The campaign's id", example = "6f1e3d5b-9a2c-4b8e-a0d4-2c6e8f0a1b3d") UUID id,
            @Schema(description = "The list it was sent to", example = "newsletter") String list,
            @Schema(description = "The message's subject", example = "Our winter skin clinic opens on 3 December")
            String subject,
            @Schema(description = "The channel: email", example = "email") String channel,
            @Schema(description = "SENDING while mails are going out in the background, SENT when every person is "
                    + "handled", example = "SENDING") Campaign.Status status,
            @Schema(description = "When it was created (ISO-8601 instant, UTC)", example = "2026-12-03T10:30:00Z")
            Instant createdAt,
            @Schema(description = "When every person was handled (ISO-8601 instant, UTC); absent while SENDING",
                    example = "2026-12-03T10:42:17Z") Instant completedAt,
            @Schema(description = "How many people on the list it covers", example = "250") int total,
            @Schema(description = "How many mails were sent", example = "180") int sent,
            @Schema(description = "How many mails the mail server refused", example = "2") int failed,
            @Schema(description = "How many mails are being sent right now", example = "5") int sending,
            @Schema(description = "How many people were skipped, by reason (see SendView.reason)",
                    example = "{\"SUPPRESSED\": 4, \"NO_CONSENT\": 14}") Map<CampaignSend.Reason, Integer> skipped,
            @Schema(description = "What the campaign did person by person; only when one campaign is read",
                    example = "[{\"subscriberId\": \"3c9a1f5e-7b2d-4e6f-8a0b-9c1d2e3f4a5b\", \"sentAt\": "
                            + "\"2026-12-03T10:31:05Z\", \"outcome\": \"SENT\"}]") List<SendView> sends) {
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
    @Operation(summary = "Send a campaign", description = "Creates an email campaign for a list and sends it in the "
            + "background: 202 with its address at once; the same Idempotency-Key (required, 8 to 100 characters) "
            + "again answers the same campaign with 200. ADMIN only. Each person is checked as it is sent: anyone "
            + "suppressed (erased, objected), restricted or without current consent is skipped, and nobody gets it "
            + "twice.")
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
    @Operation(summary = "Count a campaign's audience", description = "How many on the list an email campaign would "
            + "reach if sent now, and how many it would skip and why, by the same rule applied at sending (the "
            + "suppressed, restricted, those without current consent or an address). ADMIN only.")
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
    @Operation(summary = "Read one campaign", description = "One campaign's progress and what it did person by "
            + "person (subscriber ids and outcomes, no contact details). ADMIN and PRIVACY_OFFICER. An erased person's "
            + "send record is gone; a sent campaign's counts stay as they were.")
    CampaignView one(@PathVariable UUID id) {
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
        return view(campaign, sends.findByCampaign(id).stream()
                .map(s -> new SendView(s.subscriberId(), s.sentAt(), s.outcome(), s.reason())).toList());
    }

    /** Every campaign, newest first, without the per-person record. */
    @GetMapping
    @Operation(summary = "List the campaigns", description = "Every campaign, newest first, with its progress but "
            + "not the per-person record; paged with page and size. ADMIN and PRIVACY_OFFICER.")
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
