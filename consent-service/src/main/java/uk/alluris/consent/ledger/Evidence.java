package uk.alluris.consent.ledger;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import uk.alluris.kit.identity.IpAddresses;
import uk.alluris.kit.problem.ProblemException;

/** What shows the decision was made: where, through which form, the words shown, and (anonymised) from where. */
public record Evidence(
        @Schema(description = "Where the decision was made: a site, a form's page, the clinic (up to 200 characters)",
                example = "clinic reception") @Size(max = 200) String source,
        @Schema(description = "Which form or version of it captured the decision (up to 200 characters)",
                example = "consent-form-v3") @Size(max = 200) String formId,
        @Schema(description = "The words the person was shown when deciding (up to 4,000 characters)",
                example = "I would like to receive news and offers from Dr Alluris Aesthetics by email.")
        @Size(max = 4000) String consentText,
        @Schema(description = "The address the decision came from (up to 64 characters); stored anonymised, IPv4 to "
                + "its /24 and IPv6 to its /48", example = "203.0.113.0") @Size(max = 64) String ipAddress,
        @Schema(description = "The browser's User-Agent, when made online (up to 500 characters)",
                example = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
        @Size(max = 500) String userAgent,
        @Schema(description = "Anything else staff noted about the decision (up to 2,000 characters)",
                example = "Asked at check-in; signed the paper form too") @Size(max = 2000) String note) {

    /** The same evidence with its IP address anonymised: IPv4 to /24, IPv6 to /48. */
    Evidence anonymised() {
        String anonymised = IpAddresses.anonymise(ipAddress);
        if (anonymised == null && ipAddress != null && !ipAddress.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "evidence.ipAddress is not an IP address");
        }
        return new Evidence(source, formId, consentText, anonymised, userAgent, note);
    }
}
