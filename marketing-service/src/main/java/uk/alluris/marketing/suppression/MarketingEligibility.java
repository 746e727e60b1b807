package uk.alluris.marketing.suppression;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;

/**
 * The one check before anyone is added to marketing (a subscription now; leads and campaign audiences later): not
 * suppressed for good, not restricted. The refusal names the reason, never the person.
 */
@Service
public class MarketingEligibility {

    private final SuppressionList suppression;
    private final Restrictions restrictions;

    MarketingEligibility(SuppressionList suppression, Restrictions restrictions) {
        this.suppression = suppression;
        this.restrictions = restrictions;
    }

    /** Throws a 409 problem when the person behind either index (nulls ignored) may not be marketed to. */
    public void requireMayBeMarketed(String emailIndex, String phoneIndex) {
        Set<SuppressionEntry.Reason> reasons = suppression.reasonsFor(emailIndex, phoneIndex);
        if (reasons.stream().anyMatch(SuppressionEntry.Reason::lasting)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Suppressed",
                    "this person is on the suppression list and cannot be subscribed");
        }
        if (reasons.contains(SuppressionEntry.Reason.RESTRICTION)
                || restrictions.isRestricted(null, emailIndex, phoneIndex)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "processing of this person's data is restricted; they cannot be subscribed");
        }
    }
}
