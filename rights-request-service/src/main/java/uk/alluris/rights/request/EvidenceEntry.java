package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One step in a request's history: what happened, when, and who did it. Kept after the request completes. */
public record EvidenceEntry(
        @Schema(description = "When the step was taken (ISO 8601, UTC)", example = "2026-12-03T10:42:07Z") Instant at,
        @Schema(description = "Who took it: requester, the subject of a staff member's sign-in, or the service that"
                + " acted (rights-request-service itself, a service sending its receipt, one passing on an opt-out)",
                example = "requester")
        String actor,
        @Schema(description = "What happened, e.g. FILED, VERIFIED, VERIFICATION_FAILED, EXTENDED, CHASED, RECEIPT,"
                + " BUNDLE_READY, BUNDLE_DOWNLOADED, COMPLETED", example = "VERIFIED") String step,
        @Schema(description = "How it was done, in words (an officer's note or reason is quoted here)",
                example = "address proved by one-time code") String detail) {
}
