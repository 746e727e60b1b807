package uk.alluris.records.photos;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * Whether a photo may be used for marketing now: the use must be a marketing one, the person not restricted (nor held
 * for retention after an erasure request), and their latest decision in the consent ledger for that use's purpose a
 * grant. Asked afresh at each use: nothing is remembered from an earlier answer.
 */
@Component
class MarketingPermission {

    private final PhotoConsents consents;
    private final ReadAudit audit;

    MarketingPermission(PhotoConsents consents, ReadAudit audit) {
        this.consents = consents;
        this.audit = audit;
    }

    void require(ClinicalSubject subject, PermittedUse use) {
        String purpose = use.ledgerPurpose().orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT,
                "Not for marketing", "this photo is for clinical use only"));
        requireUnrestricted(subject);
        if (!consents.granted(subject, purpose)) {
            throw new ProblemException(HttpStatus.CONFLICT, "No consent in the ledger",
                    "the consent ledger holds no current consent to " + purpose + " for this person");
        }
    }

    /** Refuses anything done for marketing with the photos of a restricted (or held, or erased) person. */
    void requireUnrestricted(ClinicalSubject subject) {
        if (subject.erased() || audit.isRestricted(subject)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "this person's processing is restricted: their photos are not used for marketing");
        }
    }
}
