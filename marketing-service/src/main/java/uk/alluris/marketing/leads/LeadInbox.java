package uk.alluris.marketing.leads;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * The leads staff have still to act on: stored, not yet made a client, newest first, each with the consent its form
 * captured. Someone suppressed (erased, objected) never appears, checked as the inbox is read, not only when the lead
 * arrived; someone restricted appears marked as such and cannot be made a client while it lasts.
 */
@Service
class LeadInbox {

    /** One lead as staff see it. */
    record InboxLead(
            @Schema(description = "The lead's id: meta:<Meta lead id> or partner:<partner>:id:<partner's lead id> (or "
                    + ":sha256:<digest of the delivery> when the partner gave none)", example = "meta:1234567890123456")
            String id,
            @Schema(description = "Where the lead came from: meta-lead-ads or partner:<partner name>",
                    example = "meta-lead-ads") String source,
            @Schema(description = "The full name the form captured, when it did", example = "Jo Bloggs")
            String fullName,
            @Schema(description = "The email address the form captured, when it did", example = "jo.bloggs@example.org")
            String email,
            @Schema(description = "The phone number the form captured, when it did", example = "+447700900123")
            String phone,
            @Schema(description = "The marketing channels the form captured consent for (email, sms)",
                    example = "[\"email\"]") List<String> consents,
            @Schema(description = "The consent wording the form showed, when the source sent it",
                    example = "Yes, I would like news and offers from Dr Alluris Aesthetics by email.")
            String consentText,
            @Schema(description = "When the person filled in the form (ISO-8601 instant, UTC), when known",
                    example = "2026-12-03T10:25:00Z") Instant capturedAt,
            @Schema(description = "When the clinic received the lead (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant receivedAt,
            @Schema(description = "Whether the person's processing is restricted now: the lead cannot be made a "
                    + "client while it lasts", example = "false") boolean restricted,
            @Schema(description = "The booking client the lead was made; absent until converted",
                    example = "8e4b2c6a-1d3f-4a5b-9c7e-0f2a4b6c8d1e") UUID clientId) {
    }

    /** One page of the inbox ({@code page} from 1). */
    record Page(
            @Schema(description = "This page's leads, newest first", example = "[{\"id\": \"meta:1234567890123456\", "
                    + "\"source\": \"meta-lead-ads\", \"email\": \"jo.bloggs@example.org\", \"consents\": "
                    + "[\"email\"], \"receivedAt\": \"2026-12-03T10:30:00Z\", \"restricted\": false}]")
            List<InboxLead> items,
            @Schema(description = "The page number, from 1", example = "1") int page,
            @Schema(description = "The page size asked for, 1 to 100", example = "20") int size,
            @Schema(description = "How many leads there are to act on, on every page", example = "42") int total) {
    }

    static final int MAX_PAGE_SIZE = 100;

    private final MongoTemplate mongo;
    private final Leads leads;
    private final MarketingEligibility eligibility;
    private final Clock clock;

    LeadInbox(MongoTemplate mongo, Leads leads, MarketingEligibility eligibility, Clock clock) {
        this.mongo = mongo;
        this.leads = leads;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    Page page(int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "page starts at 1; size is 1 to " + MAX_PAGE_SIZE);
        }
        List<InboxLead> open = mongo.find(new Query(where("status").is(Lead.Status.STORED).and("clientId").is(null))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")), Lead.class).stream()
                .map(this::shown).flatMap(Optional::stream).toList();
        int from = Math.min(open.size(), (page - 1) * size);
        return new Page(open.subList(from, Math.min(open.size(), from + size)), page, size, open.size());
    }

    InboxLead one(String id) {
        return leads.findById(id).filter(lead -> lead.status() == Lead.Status.STORED).flatMap(this::shown)
                .orElseThrow(() -> ProblemException.notFound("lead"));
    }

    /** Records that booking registered the lead's person as this client: refused for a restricted person. */
    InboxLead converted(String id, UUID clientId) {
        InboxLead shown = one(id);
        if (shown.restricted()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "processing of this person's data is restricted: the lead cannot be made a client");
        }
        Lead lead = leads.findById(id).orElseThrow();
        if (!lead.converted(clientId, clock.instant())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already a client",
                    "this lead was already made a different client");
        }
        leads.save(lead);
        return shown(lead).orElseThrow();
    }

    /** The lead as staff see it, unless its person may never be marketed to (then it is not shown at all). */
    private Optional<InboxLead> shown(Lead lead) {
        MarketingEligibility.Verdict verdict = eligibility.verdict(
                lead.subscriberId() == null ? null : lead.subscriberId().toString(), lead.emailIndex(), lead.phoneIndex());
        if (verdict == MarketingEligibility.Verdict.SUPPRESSED || lead.objectedAt() != null) {
            return Optional.empty();
        }
        return Optional.of(new InboxLead(lead.id(), lead.source(), lead.fullName(), lead.email(), lead.phone(),
                lead.consents().stream().map(MarketingChannel::wireName).toList(), lead.consentText(),
                lead.capturedAt(), lead.receivedAt(), verdict == MarketingEligibility.Verdict.RESTRICTED,
                lead.clientId()));
    }
}
