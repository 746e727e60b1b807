package uk.alluris.rights.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;

/**
 * A data-subject request, from filing to the last receipt: who must answer it (the registered services) and what each
 * answered. The person is named only by blind indexes; the address to write to is sealed. Every step is kept as
 * evidence, and every event leaves through the outbox in the same save. What follows an export request's completion
 * (its bundle) is kept by the bundle feature, which hears of it through {@link RequestCompleted}.
 */
@Document("privacy_requests")
public class PrivacyRequest implements OutboxOwner {

    @Id
    UUID id;
    RequestType type;
    @Indexed
    RequestStatus status;
    /** The blind index of the address the request was filed under (proven once {@link #proven} names EMAIL). */
    String emailIndex;
    /** The phone number's blind index, set only once the privacy officer checked the number; never at filing. */
    String phoneIndex;
    /** Which identifiers were proven (null until verified); only these go to the services. */
    List<Identifier> proven;
    /** Subject ids the request names besides its blind indexes (an opt-out names the subscriber or ledger subject). */
    List<String> subjectIds = new ArrayList<>();
    /** Where an opt-out came from (a signed unsubscribe link, a ledger withdrawal); null for a request a person filed. */
    String origin;
    String sealedContact;
    Instant receivedAt;
    Verification verification;
    Instant verifiedAt;
    LocalDate dueDate;
    Extension extension;
    Instant completedAt;
    Map<String, ServiceAnswer> answers = new LinkedHashMap<>();
    List<EvidenceEntry> evidence = new ArrayList<>();
    List<OutboxMessage> outbox = new ArrayList<>();
    /** RECTIFICATION only: the corrections, sealed, and the names of the fields they correct. */
    Rectification rectification;
    /** ACCESS, PORTABILITY: the public half of the request's export key, which every ask carries. */
    String exportRecipientKey;
    @Version
    Long version;

    /** @param how what happened to the proof at filing: a code mailed, none mailed, or a sign-in that proved it */
    static PrivacyRequest file(UUID id, RequestType type, String emailIndex, String sealedContact,
            Verification verification, Instant now, String how) {
        PrivacyRequest request = received(id, type, emailIndex, now);
        request.sealedContact = sealedContact;
        request.verification = verification;
        request.record(now, "requester", "FILED", type + " request received; " + how);
        return request;
    }

    /**
     * An opt-out made elsewhere — a signed unsubscribe link, a withdrawal in the consent ledger — filed as an objection
     * to marketing. The channel it came through proved it, so it is verified as it is filed; nobody is mailed (the
     * platform holds no address for it here, only blind indexes and subject ids).
     */
    static PrivacyRequest optOut(UUID id, List<String> subjectIds, String emailIndex, String origin, String how,
            Instant now) {
        PrivacyRequest request = received(id, RequestType.OBJECTION_TO_MARKETING, emailIndex, now);
        request.subjectIds = new ArrayList<>(subjectIds);
        request.origin = origin;
        request.record(now, origin, "FILED", "opt-out received from " + origin + ": " + how);
        return request;
    }

    private static PrivacyRequest received(UUID id, RequestType type, String emailIndex, Instant now) {
        PrivacyRequest request = new PrivacyRequest();
        request.id = id;
        request.type = type;
        request.status = RequestStatus.AWAITING_VERIFICATION;
        request.emailIndex = emailIndex;
        request.receivedAt = now;
        return request;
    }

    /** A rectification's corrections, sealed at rest until the request fans out; only the field names stay readable. */
    void withCorrections(String sealed, List<String> fields) {
        rectification = Rectification.filed(sealed, fields);
    }

    /** What the fan-out carries beyond the subject: an export request's public key, corrections sealed for transport. */
    void prepareFanOut(String recipientKey, String transportSealedCorrections) {
        exportRecipientKey = recipientKey;
        if (rectification != null && transportSealedCorrections != null) {
            rectification = rectification.sealedForTransport(transportSealedCorrections);
        }
    }

    /**
     * The requester is proved (by code, by sign-in or by the privacy officer): the clock starts and the request fans
     * out, naming the person only by {@code identifiers} — a phone number only with its index, checked by the officer.
     */
    void verified(Instant now, LocalDate due, Collection<String> registeredServices, String actor, String how,
            List<Identifier> identifiers, String checkedPhoneIndex) {
        proven = List.copyOf(identifiers);
        phoneIndex = identifiers.contains(Identifier.PHONE) ? checkedPhoneIndex : null;
        status = RequestStatus.IN_PROGRESS;
        verification = null;
        verifiedAt = now;
        dueDate = due;
        registeredServices.forEach(service -> answers.put(service, ServiceAnswer.askedAt(now)));
        outbox.add(OutboxMessage.of(RequestEvents.of(this, now)));
        record(now, actor, "VERIFIED", how + "; proven: " + proven.stream().map(Enum::name).toList() + "; due " + due
                + "; asked " + String.join(", ", registeredServices));
        if (type == RequestType.RECTIFICATION) {
            record(now, "rights-request-service", "CORRECTIONS_SENT", "corrections to "
                    + String.join(", ", correctedFields()) + " sent sealed to every service");
        }
    }

    void extend(Extension granted, String actor) {
        extension = granted;
        dueDate = granted.newDueDate();
        record(granted.grantedAt(), actor, "EXTENDED", "by " + granted.months() + " month(s) to " + granted.newDueDate()
                + ": " + granted.reason() + "; the requester was told");
    }

    /**
     * Records a service's receipt; a repeat or an unregistered sender changes nothing. Returns whether it counted. The
     * last one completes the request, and a rectification's sealed corrections are dropped with it.
     */
    public boolean answer(String service, List<CategoryOutcome> receipt, Instant now) {
        ServiceAnswer asked = answers.get(service);
        if (asked == null || asked.answered()) {
            return false;
        }
        answers.put(service, asked.answer(now, receipt));
        record(now, service, "RECEIPT", receipt.stream().map(c -> c.category() + "=" + c.outcome()
                + (c.retainedUntil() == null ? "" : " until " + c.retainedUntil())).toList().toString());
        if (answers.values().stream().allMatch(ServiceAnswer::answered)) {
            status = RequestStatus.COMPLETED;
            completedAt = now;
            rectification = rectification == null ? null : rectification.completed();
            record(now, "rights-request-service", "COMPLETED", "every registered service answered");
        }
        return true;
    }

    /** Asks silent services again: the same request in one new event, which every service answers idempotently. */
    public void askAgain(List<String> silentServices, Instant now) {
        silentServices.forEach(service -> answers.computeIfPresent(service, (name, answer) -> answer.askedAgainAt(now)));
        outbox.add(OutboxMessage.of(RequestEvents.of(this, now)));
        record(now, "rights-request-service", "CHASED", String.join(", ", silentServices) + " had not answered; asked again");
    }

    /** A step in the request's evidence trail, by this feature or one acting on the request (its bundle). */
    public void record(Instant at, String actor, String step, String detail) {
        evidence.add(new EvidenceEntry(at, actor, step, detail));
    }

    /** The day the statutory clock started: when the address was proved. */
    LocalDate clockStart() {
        return londonDay(verifiedAt);
    }

    /** Deadlines count in the clinic's calendar days. */
    static LocalDate londonDay(Instant instant) {
        return instant.atZone(ZoneId.of("Europe/London")).toLocalDate();
    }

    // what the rest of the service reads; the state changes only through the steps above
    @Override
    public List<OutboxMessage> outbox() { return outbox; }
    public UUID id() { return id; }
    public RequestType type() { return type; }
    public RequestStatus status() { return status; }
    public LocalDate dueDate() { return dueDate; }
    public Instant receivedAt() { return receivedAt; }
    public Instant verifiedAt() { return verifiedAt; }
    public Instant completedAt() { return completedAt; }
    public Extension extension() { return extension; }
    public Map<String, ServiceAnswer> answers() { return Map.copyOf(answers); }
    public List<EvidenceEntry> evidence() { return List.copyOf(evidence); }
    public String emailIndex() { return emailIndex; }
    /** The checked phone number's blind index, or null when no phone was proven. */
    public String phoneIndex() { return phoneIndex; }
    public String origin() { return origin; }
    public String sealedContact() { return sealedContact; }
    public List<String> correctedFields() { return rectification == null ? List.of() : rectification.fields(); }
    String sealedCorrections() { return rectification == null ? null : rectification.sealedCorrections(); }
    Verification verification() { return verification; }
    List<Identifier> proven() { return proven == null ? List.of() : List.copyOf(proven); }
}
