package uk.alluris.rights.request;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;

/**
 * Proving who filed a request: the requester by the mailed code, or the privacy officer by recording which
 * identifiers they checked. Either way the request then starts ({@link FilingRequests#start}) and names the person to
 * the services by the proven identifiers alone.
 */
@Service
class VerifyingRequests {

    private final FilingRequests filing;
    private final CodeAttempts attempts;
    private final VerificationCodes codeHashes;
    private final Clock clock;

    VerifyingRequests(FilingRequests filing, CodeAttempts attempts, VerificationCodes codeHashes, Clock clock) {
        this.filing = filing;
        this.attempts = attempts;
        this.codeHashes = codeHashes;
        this.clock = clock;
    }

    /**
     * Checks the code only after a try was spent on it ({@link CodeAttempts}), so no guess is ever checked beyond the
     * tries allowed, however many arrive at once. The right code proves the email address only.
     */
    FilingAnswer byCode(UUID id, String code) {
        PrivacyRequest request = filing.awaitingVerification(id);
        Instant now = clock.instant();
        Verification verification = request.verification();
        boolean right = codeHashes.matches(id, code, verification.codeHash());
        if (!attempts.spend(id, verification.codeHash(), right, now) || !right) {
            throw failed();
        }
        try {
            return filing.start(filing.awaitingVerification(id), now, "requester", "address proved by one-time code",
                    List.of(Identifier.EMAIL), true);
        } catch (OptimisticLockingFailureException verifiedMeanwhile) {
            // the same right code arrived twice at once and the other one started the request
            throw new ProblemException(HttpStatus.CONFLICT, "Already verified", "this request is already verified");
        }
    }

    /** The officer checked the requester's identity, and which of the identifiers given belong to them. */
    PrivacyRequest byOfficer(UUID id, String note, List<Identifier> checked, String officer) {
        return filing.start(filing.awaitingVerification(id), clock.instant(), officer,
                "identity verified by the privacy officer (checked " + checked.stream().map(Enum::name).toList() + "): "
                        + note, checked, false).request();
    }

    private static ProblemException failed() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Verification failed",
                "the code is wrong, used up or expired");
    }
}
