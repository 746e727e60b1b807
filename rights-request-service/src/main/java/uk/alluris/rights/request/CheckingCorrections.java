package uk.alluris.rights.request;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.problem.ProblemException;

/**
 * A rectification's corrections, checked and normalised when it is filed — the email's syntax, the phone number as
 * the blind indexes read it, a name of 1 to 200 characters, a date of birth in the past — so that a wrong one is a 400
 * problem and nothing is stored. Corrections on any other request type are refused too.
 */
@Component
class CheckingCorrections {

    private final BlindIndexer indexer;
    private final Clock clock;

    CheckingCorrections(BlindIndexer indexer, Clock clock) {
        this.indexer = indexer;
        this.clock = clock;
    }

    /** The corrections as they will be applied, or {@code null} for a request that is not a rectification. */
    Corrections checked(RequestType type, Corrections corrections) {
        boolean given = corrections != null && !corrections.isEmpty();
        if (type != RequestType.RECTIFICATION) {
            if (given) {
                throw invalid("corrections belong only to a RECTIFICATION request");
            }
            return null;
        }
        if (!given) {
            throw invalid("a RECTIFICATION request names at least one correction: fullName, email, phone or dateOfBirth");
        }
        String fullName = corrections.fullName();
        if (fullName != null && (!StringUtils.hasText(fullName) || fullName.strip().length() > 200)) {
            throw invalid("corrections.fullName must be 1 to 200 characters");
        }
        LocalDate born = corrections.dateOfBirth();
        LocalDate today = PrivacyRequest.londonDay(clock.instant());
        if (born != null && (!born.isBefore(today) || born.isBefore(today.minusYears(130)))) {
            throw invalid("corrections.dateOfBirth must be a date in the past");
        }
        return new Corrections(fullName == null ? null : fullName.strip(),
                corrections.email() == null ? null : Normalisation.email(corrections.email()),
                corrections.phone() == null ? null : indexer.normalisePhone(corrections.phone()), born);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
