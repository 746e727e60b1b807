package uk.alluris.marketing.leads;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;

/**
 * Where every lead lands, whichever way it came. A lead whose email or phone is suppressed, or whose person is
 * restricted, is dropped before anything about the person is written (counted, never stored). A stored lead keeps its
 * consent evidence; when its form captured consent for a channel, the person becomes a subscriber with that channel's
 * consent and the ledger is told ({@code ConsentCaptured}, channel {@code LEAD_FORM}). A lead delivered again is
 * recognised by its id and changes nothing.
 */
@Service
class LeadIntake {

    public static final String META_SOURCE = "meta-lead-ads";
    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    /** What became of a delivered lead. */
    public enum Result {
        STORED, DUPLICATE, DROPPED, PENDING
    }

    /** A lead's person and consents as delivered: raw contact details, not yet normalised. */
    record Details(String email, String phone, String fullName, Set<MarketingChannel> consents, String consentText) {
    }

    private final MongoTemplate mongo;
    private final Leads leads;
    private final LeadScreening screening;
    private final Enrolment enrolment;
    private final LeadStats stats;
    private final MarketingProperties properties;
    private final Clock clock;

    LeadIntake(MongoTemplate mongo, Leads leads, LeadScreening screening, Enrolment enrolment, LeadStats stats,
            MarketingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.leads = leads;
        this.screening = screening;
        this.enrolment = enrolment;
        this.stats = stats;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A partner's lead, complete. {@code id} is the delivery identity; details already validated (a malformed email or
     * phone was refused with a 400 before this).
     */
    Result acceptComplete(String id, String source, String externalId, String formId, Instant capturedAt,
            Details details) {
        Lead known = leads.findById(id).orElse(null);
        if (known != null) {
            return duplicate(known);
        }
        Lead lead = Lead.received(id, source, externalId, formId, capturedAt, clock.instant());
        if (!screening.admit(lead, details)) {
            return insertDropped(lead);
        }
        try {
            mongo.insert(lead);
        } catch (DuplicateKeyException concurrentDelivery) {
            return duplicate(leads.findById(id).orElse(lead));
        }
        return stored(lead);
    }

    /** Meta's webhook named a lead id: recorded (ids only) for its fields to be fetched, unless already known. */
    Result acceptMetaLeadId(String leadgenId, String formId, String pageId, String adId, Instant capturedAt) {
        Lead pending = Lead.pendingFromMeta(leadgenId, formId, pageId, adId, capturedAt, clock.instant());
        try {
            mongo.insert(pending);
            return Result.PENDING;
        } catch (DuplicateKeyException known) {
            stats.count(META_SOURCE, LeadStats.Outcome.DUPLICATE);
            return Result.DUPLICATE;
        }
    }

    /** A pending Meta lead's fields, fetched: dropped or stored as for any lead. */
    Result completeMetaLead(Lead lead, Details details) {
        if (!screening.admit(lead, details)) {
            return saveDropped(lead);
        }
        leads.save(lead);
        return stored(lead);
    }

    void fetchFailed(Lead lead, String error) {
        lead.fetchFailed(error, clock.instant().plus(properties.meta().pendingRetryInterval()),
                properties.meta().maxFetchAttempts());
        leads.save(lead);
        if (lead.status() == Lead.Status.FAILED) {
            stats.count(lead.source(), LeadStats.Outcome.FETCH_FAILED);
            log.warn("lead {} given up after {} fetch attempts", lead.id(), lead.fetchAttempts());
        }
    }

    private Result stored(Lead lead) {
        stats.count(lead.source(), LeadStats.Outcome.STORED);
        log.info("lead {} stored (consent for {})", lead.id(), lead.consents());
        enrol(lead);
        return Result.STORED;
    }

    /**
     * Makes the lead's person a subscriber with the channels its form captured consent for. Also run for a lead
     * delivered again, so that a crash between storing the lead and enrolling its person is finished by the next
     * delivery; the event id is fixed per lead, so the ledger records the grant once.
     */
    private void enrol(Lead lead) {
        if (lead.status() != Lead.Status.STORED || lead.consents().isEmpty() || lead.subscriberId() != null
                || lead.objectedAt() != null) {
            return;
        }
        UUID eventId = UUID.nameUUIDFromBytes(("consent-captured:lead:" + lead.id()).getBytes(StandardCharsets.UTF_8));
        Subscriber subscriber = enrolment.enrol(
                new Enrolment.Contact(lead.email(), lead.emailIndex(), lead.phone(), lead.phoneIndex(), lead.fullName()),
                List.of(properties.leadList()), lead.consents(),
                new Enrolment.Evidence(eventId, "LEAD_FORM", lead.source(), lead.formId(), lead.consentText(), null, null,
                        capturedAtOrNow(lead.capturedAt())));
        lead.enrolled(subscriber.id());
        leads.save(lead);
    }

    private Result duplicate(Lead known) {
        stats.count(known.source(), LeadStats.Outcome.DUPLICATE);
        enrol(known);
        return Result.DUPLICATE;
    }

    private Result insertDropped(Lead lead) {
        try {
            mongo.insert(lead);
        } catch (DuplicateKeyException concurrentDelivery) {
            return duplicate(leads.findById(lead.id()).orElse(lead));
        }
        return dropped(lead);
    }

    private Result saveDropped(Lead lead) {
        leads.save(lead);
        return dropped(lead);
    }

    private Result dropped(Lead lead) {
        stats.count(lead.source(), LeadStats.Outcome.droppedFor(lead.dropReason()));
        log.info("lead {} dropped: {}", lead.id(), lead.dropReason());
        return Result.DROPPED;
    }

    private Instant capturedAtOrNow(Instant capturedAt) {
        Instant now = clock.instant();
        return capturedAt == null || capturedAt.isAfter(now) ? now : capturedAt;
    }
}
