package uk.alluris.marketing.suppression;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;

/**
 * Staff see how many people are suppressed and why, and may look up one address (through its blind index: the list
 * holds no addresses, and none is ever listed). The address travels in a POST body, never in a URL or a log.
 */
@RestController
class SuppressionController {

    record Lookup(@Schema(description = "The email address to look up (up to 320 characters); it is never stored "
            + "or logged, only its blind index compared", example = "jo.bloggs@example.org")
            @NotBlank @Email @Size(max = 320) String email) {
    }

    /** Whether the address looked up is suppressed, why and since when (nulls when it is not). */
    record Found(
            @Schema(description = "Whether the address may not be sent marketing", example = "true")
            boolean suppressed,
            @Schema(description = "Why: ERASURE or OBJECTION (for good), RESTRICTION (while it lasts); absent when not "
                    + "suppressed", example = "OBJECTION") SuppressionEntry.Reason reason,
            @Schema(description = "When the address was suppressed (ISO-8601 instant, UTC); absent when not suppressed",
                    example = "2026-12-03T10:30:00Z") Instant since) {
    }

    private final SuppressionList suppression;
    private final BlindIndexer indexer;

    SuppressionController(SuppressionList suppression, BlindIndexer indexer) {
        this.suppression = suppression;
        this.indexer = indexer;
    }

    @GetMapping("/api/marketing/suppression")
    @Operation(summary = "Count the suppressed", description = "How many addresses and phone numbers are on the "
            + "suppression list, by reason (ERASURE, OBJECTION, RESTRICTION); no address is ever listed. ADMIN and "
            + "PRIVACY_OFFICER only.")
    Map<SuppressionEntry.Reason, Long> counts() {
        return suppression.countsByReason();
    }

    @PostMapping("/api/marketing/suppression/lookup")
    @Operation(summary = "Look up one address", description = "Whether one email address is suppressed, why and "
            + "since when, compared by its blind index; the address travels in the body, never in a URL or a log, and "
            + "nothing is stored. ADMIN and PRIVACY_OFFICER only.")
    Found lookup(@Valid @RequestBody Lookup body) {
        return suppression.entry(indexer.email(Normalisation.email(body.email())))
                .map(entry -> new Found(true, entry.reason(), entry.since()))
                .orElse(new Found(false, null, null));
    }
}
