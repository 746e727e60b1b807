package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import uk.alluris.events.ReceiptIssued;

/**
 * What an access or portability request needs from the feature that gathers its bundle. The request publishes this
 * seam, and the bundle feature plugs into it, so that a request never depends on how bundles are made and no other
 * request type ever reaches bundle code.
 */
public interface Exports {

    /** At fan-out: the request's key pair, minted once; returns the public half, which every ask carries. */
    String recipientKey(UUID requestId, Instant now);

    /** A fresh download token for the requester; only its hash is kept. Returns the token, to be shown once. */
    String issueDownloadToken(UUID requestId);

    /**
     * Keeps the sealed export an export request's receipt carries, before the receipt counts.
     *
     * @throws IllegalArgumentException when the export does not open with the request's key (the receipt is then
     *         dead-lettered and the request stays in progress)
     */
    void keep(PrivacyRequest request, ReceiptIssued receipt, Instant now);

    /** Where the request's bundle stands, for the request's view: PENDING until it is ready. */
    BundleView bundleOf(UUID requestId);

    /** An access or portability request's bundle: waiting (PENDING), READY (until {@code expiresAt}), or EXPIRED. */
    record BundleView(@Schema(description = "PENDING (waiting for the services' exports), READY (to download until"
            + " expiresAt) or EXPIRED (deleted, its key destroyed)", example = "READY") String status,
            @Schema(description = "When it became ready (ISO 8601, UTC); null while pending",
                    example = "2026-12-04T09:15:00Z") Instant readyAt,
            @Schema(description = "Until when it may be downloaded (ISO 8601, UTC); null while pending",
                    example = "2026-12-11T09:15:00Z") Instant expiresAt,
            @Schema(description = "When it was deleted (ISO 8601, UTC); null unless expired",
                    example = "2026-12-11T09:20:00Z") Instant expiredAt) {
    }
}
