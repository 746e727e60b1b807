package uk.alluris.consent.ledger;

import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.identity.IpAddresses;
import uk.alluris.kit.problem.ProblemException;

/** What shows the decision was made: where, through which form, the words shown, and (anonymised) from where. */
public record Evidence(@Size(max = 200) String source, @Size(max = 200) String formId,
        @Size(max = 4000) String consentText, @Size(max = 64) String ipAddress, @Size(max = 500) String userAgent,
        @Size(max = 2000) String note) {

    /** The same evidence with its IP address anonymised: IPv4 to /24, IPv6 to /48. */
    Evidence anonymised() {
        String anonymised = IpAddresses.anonymise(ipAddress);
        if (anonymised == null && ipAddress != null && !ipAddress.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "evidence.ipAddress is not an IP address");
        }
        return new Evidence(source, formId, consentText, anonymised, userAgent, note);
    }
}
