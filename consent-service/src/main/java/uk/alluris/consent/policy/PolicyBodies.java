package uk.alluris.consent.policy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;

/** What the privacy office sends to publish a version, and what anyone reads of the history. */
final class PolicyBodies {

    private PolicyBodies() {
    }

    record Published(
            @Schema(description = "The version's name, unique: 1 to 40 letters, digits, dots, dashes or underscores",
                    example = "2027-01") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,40}",
            message = "must be 1-40 letters, digits, dots, dashes or underscores (e.g. 2027-01)") String version,
            @Schema(description = "The full policy text as the public will read it (up to 100,000 characters)",
                    example = "Dr Alluris Aesthetics is the controller of the personal data described here.")
            @NotBlank @Size(max = 100_000) String text,
            @Schema(description = "What changed from the previous version, in a few plain sentences (up to 2,000 "
                    + "characters); a material change is mailed to subscribers", example = "We now keep consultation "
                    + "photos for eight years instead of ten.") @NotBlank @Size(max = 2000) String summary,
            @Schema(description = "The day (Europe/London, ISO-8601 date) the version takes effect: today or later, "
                    + "and after every version already published", example = "2027-01-15")
            @NotNull LocalDate effectiveFrom,
            @Schema(description = "Whether the change is material, so that people must be told of it", example = "true")
            @NotNull Boolean material) {
    }

    /** @param text only when one version is read, not in the history list */
    record View(
            @Schema(description = "The version's name", example = "2027-01") String version,
            @Schema(description = "The day (Europe/London, ISO-8601 date) the version takes effect",
                    example = "2027-01-15") LocalDate effectiveFrom,
            @Schema(description = "What changed from the previous version", example = "We now keep consultation "
                    + "photos for eight years instead of ten.") String summary,
            @Schema(description = "Whether the change is material, so that people were told of it", example = "true")
            boolean material,
            @Schema(description = "Whether this is the version in force today; every new consent decision records it",
                    example = "false") boolean inForce,
            @Schema(description = "When the privacy office published it (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant publishedAt,
            @Schema(description = "The full policy text; absent from the history list, present when one version is "
                    + "read", example = "Dr Alluris Aesthetics is the controller of the personal data described here.")
            String text) {
    }
}
