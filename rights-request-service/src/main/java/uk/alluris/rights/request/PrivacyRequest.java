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
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.RestrictionLifted;
import uk.alluris.events.RestrictionRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;
import uk.alluris.rights.fanout.ServiceAnswer;

/**
 * A data-subject request, from filing to the last receipt. The person is named only by blind indexes; the address
 * to write to is sealed. Every step is kept as evidence, and every event leaves through the outbox in the same save.
 */
@Document("privacy_requests")
public class PrivacyRequest implements OutboxOwner {

    @Id
    UUID id;
    RequestType type;
    @Indexed
    RequestStatus status;
    String emailIndex;
    String phoneIndex;
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
    @Version
    Long version;

    static PrivacyRequest file(UUID id, RequestType type, String emailIndex, String phoneIndex, String sealedContact,
            Verification verification, Instant now) {
        PrivacyRequest request = new PrivacyRequest();
        request.id = id;
        request.type = type;
        request.status = RequestStatus.AWAITING_VERIFICATION;
        request.emailIndex = emailIndex;
        request.phoneIndex = phoneIndex;
        request.sealedContact = sealedContact;
        request.receivedAt = now;
        request.verification = verification;
        request.record(now, "requester", "FILED", type + " request received; a verification code was sent");
        return request;
    }

    /** The requester's address is proved (by code or by the privacy officer): the clock starts and the request fans out. */
    void verified(Instant now, LocalDate due, Collection<String> registeredServices, String actor, String how) {
        status = RequestStatus.IN_PROGRESS;
        verification = null;
        verifiedAt = now;
        dueDate = due;
        registeredServices.forEach(service -> answers.put(service, ServiceAnswer.askedAt(now)));
        outbox.add(OutboxMessage.of(event(now)));
        record(now, actor, "VERIFIED", how + "; due " + due + "; asked " + String.join(", ", registeredServices));
    }

    void wrongCode(Instant now) {
        verification = verification.tried();
        record(now, "requester", "VERIFICATION_FAILED", verification.attemptsLeft() + " attempts left");
    }

    void extend(Extension granted, String actor) {
        extension = granted;
        dueDate = granted.newDueDate();
        record(granted.grantedAt(), actor, "EXTENDED", "by " + granted.months() + " month(s) to " + granted.newDueDate()
                + ": " + granted.reason() + "; the requester was told");
    }

    /** Records a service's receipt; a repeat or an unregistered sender changes nothing. Returns whether it counted. */
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
            record(now, "rights-request-service", "COMPLETED", "every registered service answered");
        }
        return true;
    }

    /** Asks silent services again: the same request in one new event, which every service answers idempotently. */
    public void askAgain(List<String> silentServices, Instant now) {
        silentServices.forEach(service -> answers.computeIfPresent(service, (name, answer) -> answer.askedAgainAt(now)));
        outbox.add(OutboxMessage.of(event(now)));
        record(now, "rights-request-service", "CHASED", String.join(", ", silentServices) + " had not answered; asked again");
    }

    private PrivacyRequestEvent event(Instant now) {
        SubjectIdentifiers subject = new SubjectIdentifiers(List.of(), List.of(emailIndex),
                phoneIndex == null ? List.of() : List.of(phoneIndex));
        UUID eventId = UUID.randomUUID();
        return switch (type) {
            case ERASURE -> new ErasureRequested(eventId, id, subject, dueDate, now);
            case RESTRICTION -> new RestrictionRequested(eventId, id, subject, dueDate, now);
            case LIFT_RESTRICTION -> new RestrictionLifted(eventId, id, subject, dueDate, now);
            case OBJECTION_TO_MARKETING -> new MarketingObjectionRequested(eventId, id, subject, dueDate, now);
        };
    }

    private void record(Instant at, String actor, String step, String detail) {
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

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }

    public UUID id() {
        return id;
    }

    public RequestType type() {
        return type;
    }

    public RequestStatus status() {
        return status;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Extension extension() {
        return extension;
    }

    public Map<String, ServiceAnswer> answers() {
        return Map.copyOf(answers);
    }

    public List<EvidenceEntry> evidence() {
        return List.copyOf(evidence);
    }

    String emailIndex() {
        return emailIndex;
    }

    String sealedContact() {
        return sealedContact;
    }

    Verification verification() {
        return verification;
    }
}
