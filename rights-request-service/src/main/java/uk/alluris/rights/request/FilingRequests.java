package uk.alluris.rights.request;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.rights.bundle.DownloadTokens;
import uk.alluris.rights.bundle.ExportKeys;
import uk.alluris.rights.contact.Contact;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.contact.RequesterMail;
import uk.alluris.rights.deadline.StatutoryDeadlines;
import uk.alluris.rights.fanout.RightsProperties;

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
    private final RightsProperties properties;
    private final VerificationCodes codeHashes;
    private final Clock clock;
    private final TransportSeal transport;
    private final ExportKeys exportKeys;
    private final CodeMailAllowance allowance;

    FilingRequests(PrivacyRequests requests, BlindIndexer indexer, ContactSeal seal, RequesterMail mail,
            StatutoryDeadlines deadlines, RightsProperties properties, VerificationCodes codeHashes, Clock clock,
            TransportSeal transport, ExportKeys exportKeys, CodeMailAllowance allowance) {
        this.transport = transport;
        this.exportKeys = exportKeys;
        this.allowance = allowance;
        this.requests = requests;
        this.indexer = indexer;
        this.seal = seal;
        this.mail = mail;
        this.deadlines = deadlines;
        this.properties = properties;
        this.codeHashes = codeHashes;
        this.clock = clock;
    }

    public PrivacyRequest file(RequestType type, Contact given) {
        return file(type, given, null, Optional.empty());
    }

    /**
     * Files a request; a rectification names its corrections, checked and normalised here (the email's syntax, the
     * phone number as the blind indexes read it, a date of birth in the past) and sealed until the request fans out.
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
    public PrivacyRequest file(RequestType type, Contact given, Corrections corrections,
            Optional<String> signedInEmailIndex) {
        Corrections checked = checked(type, corrections);
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
        return request;
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
        request.verified(now, deadlines.dueDate(PrivacyRequest.londonDay(now)), properties.registry(), origin,
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
    PrivacyRequest start(PrivacyRequest request, Instant now, String actor, String how, List<Identifier> proven,
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
        String recipientKey = null;
        String token = null;
        if (request.type().isExport()) {
            recipientKey = exportKeys.mint(request.id(), now);
            token = byRequester ? DownloadTokens.mint() : null;
        }
        String transportCorrections = request.sealedCorrections() == null ? null
                : transport.seal(seal.openCorrections(request.id(), request.sealedCorrections()), request.id());
        request.prepareFanOut(recipientKey, transportCorrections, token, token == null ? null : DownloadTokens.hash(token));
        request.verified(now, deadlines.dueDate(PrivacyRequest.londonDay(now)), properties.registry(), actor, how,
                proven, phoneIndex);
        PrivacyRequest saved = requests.save(request);
        allowance.release(request.id());
        return saved;
    }

    private void withCorrections(PrivacyRequest request, Corrections checked) {
        if (checked != null) {
            request.withCorrections(seal.sealCorrections(request.id(), checked), checked.fields());
        }
    }

    private Corrections checked(RequestType type, Corrections corrections) {
        boolean given = corrections != null && !corrections.isEmpty();
        if (type != RequestType.RECTIFICATION) {
            if (corrections != null && !corrections.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "corrections belong only to a RECTIFICATION request");
            }
            return null;
        }
        if (!given) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "a RECTIFICATION request names at least one correction: fullName, email, phone or dateOfBirth");
        }
        String fullName = corrections.fullName();
        if (fullName != null && (!StringUtils.hasText(fullName) || fullName.strip().length() > 200)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "corrections.fullName must be 1 to 200 characters");
        }
        LocalDate born = corrections.dateOfBirth();
        LocalDate today = PrivacyRequest.londonDay(clock.instant());
        if (born != null && (!born.isBefore(today) || born.isBefore(today.minusYears(130)))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "corrections.dateOfBirth must be a date in the past");
        }
        return new Corrections(fullName == null ? null : fullName.strip(),
                corrections.email() == null ? null : Normalisation.email(corrections.email()),
                corrections.phone() == null ? null : indexer.normalisePhone(corrections.phone()), born);
    }

    PrivacyRequest awaitingVerification(UUID id) {
        PrivacyRequest request = find(id);
        if (request.status() != RequestStatus.AWAITING_VERIFICATION) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already verified", "this request is already verified");
        }
        return request;
    }
}
