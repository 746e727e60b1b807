package uk.alluris.marketing.suppression;

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

    record Lookup(@NotBlank @Email @Size(max = 320) String email) {
    }

    /** Whether the address looked up is suppressed, why and since when (nulls when it is not). */
    record Found(boolean suppressed, SuppressionEntry.Reason reason, Instant since) {
    }

    private final SuppressionList suppression;
    private final BlindIndexer indexer;

    SuppressionController(SuppressionList suppression, BlindIndexer indexer) {
        this.suppression = suppression;
        this.indexer = indexer;
    }

    @GetMapping("/api/marketing/suppression")
    Map<SuppressionEntry.Reason, Long> counts() {
        return suppression.countsByReason();
    }

    @PostMapping("/api/marketing/suppression/lookup")
    Found lookup(@Valid @RequestBody Lookup body) {
        return suppression.entry(indexer.email(Normalisation.email(body.email())))
                .map(entry -> new Found(true, entry.reason(), entry.since()))
                .orElse(new Found(false, null, null));
    }
}
