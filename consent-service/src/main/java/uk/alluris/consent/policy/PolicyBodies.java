package uk.alluris.consent.policy;

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

    record Published(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,40}",
            message = "must be 1-40 letters, digits, dots, dashes or underscores (e.g. 2027-01)") String version,
            @NotBlank @Size(max = 100_000) String text, @NotBlank @Size(max = 2000) String summary,
            @NotNull LocalDate effectiveFrom, @NotNull Boolean material) {
    }

    /** @param text only when one version is read, not in the history list */
    record View(String version, LocalDate effectiveFrom, String summary, boolean material, boolean inForce,
            Instant publishedAt, String text) {
    }
}
