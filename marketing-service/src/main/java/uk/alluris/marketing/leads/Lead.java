package uk.alluris.marketing.leads;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import uk.alluris.kit.privacy.ContactDetails;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * A lead from a social-media lead form or a partner, with the evidence of what its form asked: source, form id, page
 * id, the consent wording shown, which channels it captured consent for, and when. Marketed to only on a channel its
 * form captured consent for (through the subscriber it became). The id is the delivery's own identity
 * ({@code meta:<leadgen id>}, {@code partner:<name>:id:<lead id>} or {@code partner:<name>:sha256:<body digest>}), so
 * however often a lead is delivered it is one document.
 * <p>
 * Two states hold no personal data: a Meta lead {@link Status#PENDING} (only its ids, until its fields are fetched from
 * the Graph API) and a {@link Status#DROPPED} lead (the person may not be marketed to: only the fact and the reason stay,
 * so a repeated delivery is recognised and not counted twice).
 */
@Document("leads")
class Lead {

    public enum Status {
        /** Meta lead id received; its fields are still to be fetched. */
        PENDING,
        STORED,
        /** Not stored: the person is suppressed or restricted, or the lead names no way to reach anyone. */
        DROPPED,
        /** Its fields could not be fetched after every attempt. */
        FAILED
    }

    public enum DropReason { SUPPRESSED, RESTRICTED, NO_CONTACT }

    @Id
    String id;
    @Indexed
    String source;
    @Indexed
    Status status;
    DropReason dropReason;
    /** The sender's own id of the lead (Meta's leadgen id, a partner's lead id), when it gave one. */
    String externalId;
    String formId;
    String pageId;
    String adId;
    /** Stored as the top-level {@code email}, {@code emailIndex}, {@code phone}, {@code phoneIndex} fields. */
    @Unwrapped.Empty
    ContactDetails contact = ContactDetails.NONE;
    String fullName;
    /** The channels the form captured consent for; emptied by a withdrawal or an objection. */
    Set<MarketingChannel> consents = new LinkedHashSet<>();
    String consentText;
    Instant capturedAt;
    Instant receivedAt;
    Instant storedAt;
    @Indexed
    UUID subscriberId;
    Instant objectedAt;
    int fetchAttempts;
    @Indexed
    Instant nextFetchAt;
    /** The client booking registered from this lead (staff's "make a client"), and when. */
    UUID clientId;
    Instant convertedAt;
    String lastFetchError;

    static Lead pendingFromMeta(String leadgenId, String formId, String pageId, String adId, Instant capturedAt,
            Instant now) {
        Lead lead = new Lead();
        lead.id = "meta:" + leadgenId;
        lead.source = LeadIntake.META_SOURCE;
        lead.status = Status.PENDING;
        lead.externalId = leadgenId;
        lead.formId = formId;
        lead.pageId = pageId;
        lead.adId = adId;
        lead.capturedAt = capturedAt;
        lead.receivedAt = now;
        lead.nextFetchAt = now;
        return lead;
    }

    static Lead received(String id, String source, String externalId, String formId, Instant capturedAt, Instant now) {
        Lead lead = new Lead();
        lead.id = id;
        lead.source = source;
        lead.externalId = externalId;
        lead.formId = formId;
        lead.capturedAt = capturedAt;
        lead.receivedAt = now;
        return lead;
    }

    /** The person's details and what the form captured, as received or fetched (already normalised). */
    void details(String email, String emailIndex, String phone, String phoneIndex, String fullName,
            Set<MarketingChannel> consents, String consentText) {
        this.contact = new ContactDetails(email, emailIndex, phone, phoneIndex);
        this.fullName = fullName;
        this.consents = consents.isEmpty() ? new LinkedHashSet<>() : EnumSet.copyOf(consents);
        this.consentText = consentText;
    }

    void stored(Instant now) {
        status = Status.STORED;
        storedAt = now;
        nextFetchAt = null;
        lastFetchError = null;
    }

    /** Dropped: nothing about the person stays. */
    void dropped(DropReason reason) {
        status = Status.DROPPED;
        dropReason = reason;
        contact = ContactDetails.NONE;
        fullName = null;
        consents = new LinkedHashSet<>();
        consentText = null;
        nextFetchAt = null;
        lastFetchError = null;
    }

    void fetchFailed(String error, Instant retryAt, int maxAttempts) {
        fetchAttempts++;
        lastFetchError = error;
        if (fetchAttempts >= maxAttempts) {
            status = Status.FAILED;
            nextFetchAt = null;
        } else {
            nextFetchAt = retryAt;
        }
    }

    /** Staff made the lead a client; false when it already became a different one. */
    boolean converted(UUID clientId, Instant now) {
        if (this.clientId != null) {
            return this.clientId.equals(clientId);
        }
        this.clientId = clientId;
        this.convertedAt = now;
        return true;
    }

    void enrolled(UUID subscriberId) {
        this.subscriberId = subscriberId;
    }

    /** The person objected to marketing: the form's consent no longer counts. Returns whether it changed. */
    boolean objected(Instant now) {
        boolean changed = !consents.isEmpty() || objectedAt == null;
        consents = new LinkedHashSet<>();
        if (objectedAt == null) {
            objectedAt = now;
        }
        return changed;
    }

    /** Applies corrected details (null = unchanged, {@link Enrolment.Contact#corrected}); returns whether anything changed. */
    boolean rectify(Enrolment.Contact correction) {
        Enrolment.Contact held = Enrolment.Contact.of(contact, fullName);
        Enrolment.Contact corrected = held.corrected(correction);
        if (status != Status.STORED || corrected.equals(held)) {
            return false;
        }
        contact = corrected.details();
        fullName = corrected.fullName();
        return true;
    }

    public String id() { return id; }
    public String source() { return source; }
    public Status status() { return status; }
    public DropReason dropReason() { return dropReason; }
    public String externalId() { return externalId; }
    public String formId() { return formId; }
    public String pageId() { return pageId; }
    public String adId() { return adId; }
    public String email() { return contact.email(); }
    public String phone() { return contact.phone(); }
    public String fullName() { return fullName; }
    public String emailIndex() { return contact.emailIndex(); }
    public String phoneIndex() { return contact.phoneIndex(); }

    public Set<MarketingChannel> consents() {
        return consents.isEmpty() ? EnumSet.noneOf(MarketingChannel.class) : EnumSet.copyOf(consents);
    }

    public String consentText() { return consentText; }
    public Instant capturedAt() { return capturedAt; }
    public Instant receivedAt() { return receivedAt; }
    public UUID subscriberId() { return subscriberId; }
    public Instant objectedAt() { return objectedAt; }
    public int fetchAttempts() { return fetchAttempts; }
    public String lastFetchError() { return lastFetchError; }
    public UUID clientId() { return clientId; }
    public Instant convertedAt() { return convertedAt; }
}
