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
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.InvalidEmailAddress;
import uk.alluris.kit.identity.InvalidPhoneNumber;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.suppression.MarketingEligibility;

/**
 * Where every lead lands, whichever way it came. A lead whose email or phone is suppressed, or whose person is
 * restricted, is dropped before anything about the person is written (counted, never stored). A stored lead keeps its
 * consent evidence; when its form captured consent for a channel, the person becomes a subscriber with that channel's
 * consent and the ledger is told ({@code ConsentCaptured}, channel {@code LEAD_FORM}). A lead delivered again is
 * recognised by its id and changes nothing.
 */
@Service
public class LeadIntake {

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
    private final MarketingEligibility eligibility;
    private final Enrolment enrolment;
    private final BlindIndexer indexer;
    private final LeadStats stats;
    private final MarketingProperties properties;
    private final Clock clock;

    LeadIntake(MongoTemplate mongo, Leads leads, MarketingEligibility eligibility, Enrolment enrolment,
            BlindIndexer indexer, LeadStats stats, MarketingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.leads = leads;
        this.eligibility = eligibility;
        this.enrolment = enrolment;
        this.indexer = indexer;
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
        if (!fill(lead, details)) {
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
        if (!fill(lead, details)) {
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

    /**
     * Normalises and checks the person: false (and the lead marked dropped, holding nothing about them) when they may
     * not be marketed to or cannot be reached at all.
     */
    private boolean fill(Lead lead, Details details) {
        String email = normalisedEmail(details.email());
        String phone = normalisedPhone(details.phone());
        if (email == null && phone == null) {
            lead.dropped(Lead.DropReason.NO_CONTACT);
            return false;
        }
        String emailIndex = email == null ? null : indexer.email(email);
        String phoneIndex = phone == null ? null : indexer.phone(phone);
        switch (eligibility.verdict(null, emailIndex, phoneIndex)) {
            case SUPPRESSED:
                lead.dropped(Lead.DropReason.SUPPRESSED);
                return false;
            case RESTRICTED:
                lead.dropped(Lead.DropReason.RESTRICTED);
                return false;
            default:
                break;
        }
        String fullName = details.fullName() == null || details.fullName().isBlank() ? null
                : truncate(details.fullName().strip(), 200);
        lead.details(email, emailIndex, phone, phoneIndex, fullName, details.consents(),
                truncate(details.consentText(), 4000));
        lead.stored(clock.instant());
        return true;
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

    private String normalisedEmail(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Normalisation.email(raw);
        } catch (InvalidEmailAddress e) {
            return null;
        }
    }

    private String normalisedPhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return indexer.normalisePhone(raw);
        } catch (InvalidPhoneNumber e) {
            return null;
        }
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
