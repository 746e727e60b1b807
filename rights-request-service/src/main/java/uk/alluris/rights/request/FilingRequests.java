package uk.alluris.rights.request;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.contact.RequesterMail;
import uk.alluris.rights.deadline.StatutoryDeadlines;

/** Filing a request, proving the requester, and extending the deadline: the steps people take. */
@Service
public class FilingRequests {

    static final Duration CODE_LIFETIME = Duration.ofHours(24);
    static final int CODE_ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivacyRequests requests;
    private final BlindIndexer indexer;
    private final ContactSeal seal;
    private final RequesterMail mail;
    private final StatutoryDeadlines deadlines;
    private final ServiceRegistry registry;
    private final VerificationCodes codeHashes;
    private final Clock clock;
    private final TransportSeal transport;
    private final Exports exports;
    private final CheckingCorrections corrections;
    private final CodeMailAllowance allowance;
    private final OfficeRecordsPrivacy office;

    FilingRequests(PrivacyRequests requests, BlindIndexer indexer, ContactSeal seal, RequesterMail mail,
            StatutoryDeadlines deadlines, ServiceRegistry registry, VerificationCodes codeHashes, Clock clock,
            TransportSeal transport, Exports exports, CheckingCorrections corrections, CodeMailAllowance allowance,
            OfficeRecordsPrivacy office) {
        this.office = office;
        this.transport = transport;
        this.exports = exports;
        this.corrections = corrections;
        this.allowance = allowance;
        this.requests = requests;
        this.indexer = indexer;
        this.seal = seal;
        this.mail = mail;
        this.deadlines = deadlines;
        this.registry = registry;
        this.codeHashes = codeHashes;
        this.clock = clock;
    }

    /**
     * Files a request; a rectification names its corrections, checked and normalised ({@link CheckingCorrections})
     * and sealed until the request fans out.
     * Mail keeps going to the address the requester proved, not to a corrected one.
     * <p>
     * A signed-in client whose token is bound to the address given ({@code signedInEmailIndex}, the token's
     * {@code email_index}) has proved it already: the request starts at once and no code is mailed. Anyone else is
     * mailed a code — unless {@link CodeMailAllowance#UNVERIFIED_PER_ADDRESS} requests for the address already wait
     * for theirs: then the request is still stored and answered exactly alike, but with a code nobody is sent. It is
     * stored (rather than answered with a made-up id) so that everything the filer can do with the id — try a code,
     * file again — behaves as for any request, and so the officer sees the repeated filings in the queue and evidence;
     * it expires with its unsent code like any other.
     */
    FilingAnswer file(RequestType type, Contact given, Corrections asked, Optional<String> signedInEmailIndex) {
        Corrections checked = corrections.checked(type, asked);
        String phone = StringUtils.hasText(given.phone()) ? indexer.normalisePhone(given.phone()) : null;
        Contact contact = new Contact(Normalisation.email(given.email()), phone, given.fullName(), given.details());
        String emailIndex = indexer.email(contact.email());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (signedInEmailIndex.filter(emailIndex::equals).isPresent()) {
            PrivacyRequest request = PrivacyRequest.file(id, type, emailIndex, seal.seal(id, contact), null, now,
                    "filed by the signed-in client whose sign-in proved the address; no code needed");
            withCorrections(request, checked);
            return start(request, now, "requester", "address proved by the client's sign-in",
                    List.of(Identifier.EMAIL), true);
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant expires = now.plus(CODE_LIFETIME);
        boolean mailed = allowance.claim(emailIndex, id, now, expires);
        PrivacyRequest request = PrivacyRequest.file(id, type, emailIndex, seal.seal(id, contact),
                new Verification(codeHashes.hash(id, code), expires, CODE_ATTEMPTS), now, mailed
                        ? "a verification code was sent"
                        : "no code was sent: " + CodeMailAllowance.UNVERIFIED_PER_ADDRESS
                                + " requests for this address already await theirs (the filer was answered alike)");
        withCorrections(request, checked);
        requests.save(request);
        if (mailed) {
            mail.sendCode(contact, id, type.name(), code);
        }
        return new FilingAnswer(request, null);
    }

    /**
     * Files an opt-out made elsewhere as a verified objection to marketing (see {@code optout.OptOutFiling}); none is filed
     * while an opt-out for the same person is still in progress. Returns the request, if one was filed.
     */
    public Optional<PrivacyRequest> fileOptOut(List<String> subjectIds, String emailIndex, String origin, String how) {
        boolean pending = emailIndex != null
                ? requests.existsByTypeAndStatusAndOriginNotNullAndEmailIndex(RequestType.OBJECTION_TO_MARKETING,
                        RequestStatus.IN_PROGRESS, emailIndex)
                : requests.existsByTypeAndStatusAndOriginNotNullAndSubjectIdsIn(RequestType.OBJECTION_TO_MARKETING,
                        RequestStatus.IN_PROGRESS, subjectIds);
        if (pending) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        PrivacyRequest request = PrivacyRequest.optOut(UUID.randomUUID(), subjectIds, emailIndex, origin, how, now);
        request.verified(now, deadlines.dueDate(PrivacyRequest.londonDay(now)), registry.registry(), origin,
                "proved by the channel it came through (" + how + ")",
                emailIndex == null ? List.of() : List.of(Identifier.EMAIL), null);
        return Optional.of(requests.save(request));
    }

    public PrivacyRequest extend(UUID id, int months, String reason, String officer) {
        PrivacyRequest request = find(id);
        if (request.status() != RequestStatus.IN_PROGRESS || request.extension() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Cannot extend",
                    "only a request in progress can be extended, and only once");
        }
        Extension extension = new Extension(months, reason, clock.instant(),
                deadlines.dueDate(request.clockStart(), months));
        request.extend(extension, officer);
        requests.save(request);
        mail.sendExtension(seal.open(id, request.sealedContact()), id, months, reason, extension.newDueDate());
        return request;
    }

    public PrivacyRequest find(UUID id) {
        return requests.findById(id).orElseThrow(() -> ProblemException.notFound("privacy request " + id));
    }

    /**
     * Starts the clock and fans out, naming the person by the {@code proven} identifiers only (a checked phone number
     * is indexed from the sealed contact details now). An export request gets its key pair now (the public half goes
     * with the request) and, when the requester proved the address themselves, a download token for the answer; a
     * rectification's corrections are sealed for transport. The request's code-mail slot is given back.
     */
    FilingAnswer start(PrivacyRequest request, Instant now, String actor, String how, List<Identifier> proven,
            boolean byRequester) {
        String phoneIndex = null;
        if (proven.contains(Identifier.PHONE)) {
            String phone = seal.open(request.id(), request.sealedContact()).phone();
            if (phone == null) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "checked: PHONE names a phone number this request does not give; allowed here: EMAIL");
            }
            phoneIndex = indexer.phone(phone);
        }
        String recipientKey = request.type().isExport() ? exports.recipientKey(request.id(), now) : null;
        String transportCorrections = request.sealedCorrections() == null ? null
                : transport.seal(seal.openCorrections(request.id(), request.sealedCorrections()), request.id());
        request.prepareFanOut(recipientKey, transportCorrections);
        request.verified(now, deadlines.dueDate(PrivacyRequest.londonDay(now)), registry.registry(), actor, how,
                proven, phoneIndex);
        String token = null;
        if (request.type().isExport()) {
            token = byRequester ? exports.issueDownloadToken(request.id()) : null;
            request.record(now, "rights-request-service", "EXPORT_KEY_MINTED", "a key pair for this request alone;"
                    + " each service seals its export to the public half; the private half is kept encrypted until the"
                    + " bundle expires" + (token == null ? "" : "; a download token was given to the requester"));
        }
        recordOfficeReceipt(request, now);
        PrivacyRequest saved = requests.save(request);
        allowance.release(request.id());
        return new FilingAnswer(saved, token);
    }

    /** The office's own records (disclosure log, complaints) answer in the request's evidence, in the same save. */
    private void recordOfficeReceipt(PrivacyRequest request, Instant now) {
        List<CategoryOutcome> receipt = office.act(OfficeRecordsPrivacy.Person.of(request), now);
        if (receipt.isEmpty()) {
            return;
        }
        request.record(now, "rights-request-service", "OFFICE_RECEIPT", receipt.stream().map(line -> line.category() + "=" + line.outcome() + " (" + line.count() + ")"
                        + (line.retainedUntil() == null ? "" : " until " + line.retainedUntil() + ": " + line.legalGround()))
                .toList().toString());
    }

    private void withCorrections(PrivacyRequest request, Corrections checked) {
        if (checked != null) {
            request.withCorrections(seal.sealCorrections(request.id(), checked), checked.fields());
        }
    }

    PrivacyRequest awaitingVerification(UUID id) {
        PrivacyRequest request = find(id);
        if (request.status() != RequestStatus.AWAITING_VERIFICATION) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already verified", "this request is already verified");
        }
        return request;
    }
}
