package uk.alluris.rights.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
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
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.ErasureRequested;
import uk.alluris.events.MarketingObjectionRequested;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.RectificationRequested;
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
    /** The blind index of the address the request was filed under (proven once {@link #proven} names EMAIL). */
    String emailIndex;
    /** The phone number's blind index, set only once the privacy officer checked the number; never at filing. */
    String phoneIndex;
    /**
     * Which identifiers were proven (null until verified). Only these go to the services: a phone number or name the
     * requester merely stated stays sealed in the contact details, for the officer to see.
     */
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
    /** RECTIFICATION: the corrected details, sealed with the contact seal, from filing until they fan out. */
    String sealedCorrections;
    /** RECTIFICATION: the names of the corrected fields (never their values). */
    List<String> correctedFields;
    /** RECTIFICATION: the corrections as they travel (transport seal), for asking again; dropped on completion. */
    String transportCorrections;
    /** ACCESS, PORTABILITY: the public half of the request's export key, which every ask carries. */
    String exportRecipientKey;
    /** ACCESS, PORTABILITY: the bundle's state. */
    Bundle bundle;
    /** ACCESS, PORTABILITY: SHA-256 hashes of the download tokens given to the requester (never the tokens). */
    List<String> downloadTokenHashes = new ArrayList<>();
    /** A download token minted by this call, for its response only; never stored. */
    @Transient
    String downloadTokenIssued;
    @Version
    Long version;

    /** @param how what happened to the proof at filing: a code mailed, none mailed, or a sign-in that proved it */
    static PrivacyRequest file(UUID id, RequestType type, String emailIndex, String sealedContact,
            Verification verification, Instant now, String how) {
        PrivacyRequest request = new PrivacyRequest();
        request.id = id;
        request.type = type;
        request.status = RequestStatus.AWAITING_VERIFICATION;
        request.emailIndex = emailIndex;
        request.sealedContact = sealedContact;
        request.receivedAt = now;
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
        PrivacyRequest request = new PrivacyRequest();
        request.id = id;
        request.type = RequestType.OBJECTION_TO_MARKETING;
        request.status = RequestStatus.AWAITING_VERIFICATION;
        request.emailIndex = emailIndex;
        request.subjectIds = new ArrayList<>(subjectIds);
        request.origin = origin;
        request.receivedAt = now;
        request.record(now, origin, "FILED", "opt-out received from " + origin + ": " + how);
        return request;
    }

    /** A rectification's corrections, sealed at rest until the request fans out; only the field names stay readable. */
    void withCorrections(String sealed, List<String> fields) {
        sealedCorrections = sealed;
        correctedFields = List.copyOf(fields);
    }

    /**
     * What the fan-out carries beyond the subject: an export request's public key (and a download token for the
     * requester), a rectification's corrections sealed for transport. The contact-sealed corrections go.
     */
    void prepareFanOut(String recipientKey, String transportSealedCorrections, String downloadToken,
            String downloadTokenHash) {
        exportRecipientKey = recipientKey;
        if (type.isExport()) {
            bundle = Bundle.pending();
        }
        if (transportSealedCorrections != null) {
            transportCorrections = transportSealedCorrections;
            sealedCorrections = null;
        }
        if (downloadTokenHash != null) {
            downloadTokenHashes.add(downloadTokenHash);
            downloadTokenIssued = downloadToken;
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
        outbox.add(OutboxMessage.of(event(now)));
        record(now, actor, "VERIFIED", how + "; proven: " + proven.stream().map(Enum::name).toList() + "; due " + due
                + "; asked " + String.join(", ", registeredServices));
        if (type.isExport()) {
            record(now, "rights-request-service", "EXPORT_KEY_MINTED", "a key pair for this request alone; each service"
                    + " seals its export to the public half; the private half is kept encrypted until the bundle expires"
                    + (downloadTokenHashes.isEmpty() ? "" : "; a download token was given to the requester"));
        }
        if (type == RequestType.RECTIFICATION) {
            record(now, "rights-request-service", "CORRECTIONS_SENT", "corrections to " + String.join(", ", correctedFields)
                    + " sent sealed to every service");
        }
    }

    /**
     * After a receipt counted: once the request is complete, a rectification's corrections are dropped and an export
     * request's bundle is ready for {@code bundleTtl}. Returns whether the bundle became ready just now.
     */
    public boolean afterReceipt(Instant now, Duration bundleTtl) {
        if (status != RequestStatus.COMPLETED) {
            return false;
        }
        transportCorrections = null;
        sealedCorrections = null;
        if (bundle == null || bundle.status() != BundleStatus.PENDING) {
            return false;
        }
        bundle = bundle.ready(now, now.plus(bundleTtl));
        record(now, "rights-request-service", "BUNDLE_READY", "every service's export received; downloadable until "
                + bundle.expiresAt());
        return true;
    }

    /** A further download token for the requester (the one in the ready mail); only its hash is kept. */
    public void downloadTokenIssued(String tokenHash) {
        downloadTokenHashes.add(tokenHash);
    }

    public void bundleNoticeSent(Instant now) {
        bundle = bundle.noticeSent(now);
        record(now, "rights-request-service", "BUNDLE_NOTICE_SENT", "the requester was told by mail that the bundle is"
                + " ready, with a download link (no data in the mail)");
    }

    public void bundleDownloaded(Instant now, String actor, String how) {
        record(now, actor, "BUNDLE_DOWNLOADED", how);
    }

    public void bundleExpired(Instant now) {
        bundle = bundle.expired(now);
        record(now, "rights-request-service", "BUNDLE_EXPIRED", "bundle deleted and its key destroyed");
    }

    /** Whether {@code tokenHash} is the hash of a download token this request gave out. */
    public boolean acceptsDownloadTokenHash(String tokenHash) {
        return downloadTokenHashes.stream().anyMatch(known -> MessageDigest.isEqual(
                known.getBytes(StandardCharsets.US_ASCII), tokenHash.getBytes(StandardCharsets.US_ASCII)));
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

    /**
     * The person as the services will match them: subject ids the platform itself named, and the blind index of each
     * proven identifier — nothing the requester merely stated. A request verified before proofs were recorded
     * ({@code proven} null) is taken to have proven its email address only.
     */
    private PrivacyRequestEvent event(Instant now) {
        List<Identifier> sent = proven == null ? List.of(Identifier.EMAIL) : proven;
        SubjectIdentifiers subject = new SubjectIdentifiers(subjectIds == null ? List.of() : subjectIds,
                emailIndex == null || !sent.contains(Identifier.EMAIL) ? List.of() : List.of(emailIndex),
                phoneIndex == null || !sent.contains(Identifier.PHONE) ? List.of() : List.of(phoneIndex));
        UUID eventId = UUID.randomUUID();
        return switch (type) {
            case ERASURE -> new ErasureRequested(eventId, id, subject, dueDate, now);
            case RESTRICTION -> new RestrictionRequested(eventId, id, subject, dueDate, now);
            case LIFT_RESTRICTION -> new RestrictionLifted(eventId, id, subject, dueDate, now);
            case OBJECTION_TO_MARKETING -> new MarketingObjectionRequested(eventId, id, subject, dueDate, now);
            case ACCESS, PORTABILITY -> new DataExportRequested(eventId, id, subject, dueDate, now, type.name(),
                    exportRecipientKey);
            case RECTIFICATION -> new RectificationRequested(eventId, id, subject, dueDate, now, correctedFields,
                    transportCorrections);
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

    public String emailIndex() {
        return emailIndex;
    }

    /** Where an opt-out came from; null for a request a person filed. */
    public String origin() {
        return origin;
    }

    public String sealedContact() {
        return sealedContact;
    }

    public Instant verifiedAt() {
        return verifiedAt;
    }

    public Bundle bundle() {
        return bundle;
    }

    public List<String> correctedFields() {
        return correctedFields == null ? List.of() : List.copyOf(correctedFields);
    }

    String sealedCorrections() {
        return sealedCorrections;
    }

    /** The download token minted by the call that returned this request, if any (never read back from the store). */
    String downloadTokenIssued() {
        return downloadTokenIssued;
    }

    Verification verification() {
        return verification;
    }

    /** The identifiers proven so far (empty until verified). */
    List<Identifier> proven() {
        return proven == null ? List.of() : List.copyOf(proven);
    }
}
