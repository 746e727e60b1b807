package uk.alluris.marketing.suppression;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;

/**
 * The one check before anyone is added to marketing or sent anything (a subscription, a lead, each person of a
 * campaign's audience): not suppressed for good, not restricted. The refusal names the reason, never the person.
 */
@Service
public class MarketingEligibility {

    /** Whether a person may be marketed to, and if not, why. */
    public enum Verdict {
        ELIGIBLE,
        /** Erased or objected: never again. */
        SUPPRESSED,
        /** Processing restricted: not while it lasts. */
        RESTRICTED
    }

    private final SuppressionList suppression;
    private final Restrictions restrictions;

    MarketingEligibility(SuppressionList suppression, Restrictions restrictions) {
        this.suppression = suppression;
        this.restrictions = restrictions;
    }

    /** The verdict for the person behind any of these identifiers (nulls ignored). */
    public Verdict verdict(String subjectId, String emailIndex, String phoneIndex) {
        Set<SuppressionEntry.Reason> reasons = suppression.reasonsFor(emailIndex, phoneIndex);
        if (reasons.stream().anyMatch(SuppressionEntry.Reason::lasting)) {
            return Verdict.SUPPRESSED;
        }
        if (reasons.contains(SuppressionEntry.Reason.RESTRICTION)
                || restrictions.isRestricted(subjectId, emailIndex, phoneIndex)) {
            return Verdict.RESTRICTED;
        }
        return Verdict.ELIGIBLE;
    }

    /** Throws a 409 problem when the person behind either index (nulls ignored) may not be marketed to. */
    public void requireMayBeMarketed(String emailIndex, String phoneIndex) {
        switch (verdict(null, emailIndex, phoneIndex)) {
            case SUPPRESSED:
                throw new ProblemException(HttpStatus.CONFLICT, "Suppressed",
                        "this person is on the suppression list and cannot be subscribed");
            case RESTRICTED:
                throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                        "processing of this person's data is restricted; they cannot be subscribed");
            default:
                break;
        }
    }
}
