package uk.alluris.rights.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** The one extension a request may have: up to two further months, for a stated reason. */
public record Extension(@Schema(description = "How many further months were granted: 1 or 2", example = "2") int months,
        @Schema(description = "Why, as the requester was told", example = "The request covers eight years of records"
                + " held by several services.") String reason,
        @Schema(description = "When the privacy officer granted it (ISO 8601, UTC)", example = "2026-12-10T14:05:00Z")
        Instant grantedAt,
        @Schema(description = "The due date it gives (a London day)", example = "2027-03-03") LocalDate newDueDate) {
}
