package uk.alluris.rights.request;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.problem.ProblemException;
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

    FilingRequests(PrivacyRequests requests, BlindIndexer indexer, ContactSeal seal, RequesterMail mail,
            StatutoryDeadlines deadlines, RightsProperties properties, VerificationCodes codeHashes, Clock clock) {
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
        String phone = StringUtils.hasText(given.phone()) ? indexer.normalisePhone(given.phone()) : null;
        Contact contact = new Contact(Normalisation.email(given.email()), phone, given.fullName(), given.details());
        UUID id = UUID.randomUUID();
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant now = clock.instant();
        PrivacyRequest request = PrivacyRequest.file(id, type, indexer.email(contact.email()),
                phone == null ? null : indexer.phone(phone), seal.seal(id, contact),
                new Verification(codeHashes.hash(id, code), now.plus(CODE_LIFETIME), CODE_ATTEMPTS), now);
        requests.save(request);
        mail.sendCode(contact, id, type.name(), code);
        return request;
    }

    public PrivacyRequest verifyByCode(UUID id, String code) {
        PrivacyRequest request = awaitingVerification(id);
        Instant now = clock.instant();
        if (!request.verification().usableAt(now) || !codeHashes.matches(id, code, request.verification().codeHash())) {
            if (request.verification().usableAt(now)) {
                request.wrongCode(now);
                requests.save(request);
            }
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Verification failed",
                    "the code is wrong, used up or expired");
        }
        return start(request, now, "requester", "address proved by one-time code");
    }

    public PrivacyRequest verifyIdentity(UUID id, String note, String officer) {
        return start(awaitingVerification(id), clock.instant(), officer, "identity verified by the privacy officer: " + note);
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

    private PrivacyRequest start(PrivacyRequest request, Instant now, String actor, String how) {
        request.verified(now, deadlines.dueDate(PrivacyRequest.londonDay(now)), properties.registry(), actor, how);
        return requests.save(request);
    }

    private PrivacyRequest awaitingVerification(UUID id) {
        PrivacyRequest request = find(id);
        if (request.status() != RequestStatus.AWAITING_VERIFICATION) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already verified", "this request is already verified");
        }
        return request;
    }
}
