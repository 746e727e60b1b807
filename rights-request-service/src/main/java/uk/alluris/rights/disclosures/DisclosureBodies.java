package uk.alluris.rights.disclosures;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the privacy office sends and reads about disclosures, with the limits each field is held to. */
final class DisclosureBodies {

    private DisclosureBodies() {
    }

    /**
     * @param recipient a recipient key of the register of processing (e.g. {@code authorities})
     * @param exemptionGround given only when the person is not told, and why the law allows that
     */
    record Recorded(@Schema(description = "The person's email address (at most 320 characters); email, phone or both"
            + " must name them, kept as blind indexes only", example = "jo.bloggs@example.org")
            @Size(max = 320) String email,
            @Schema(description = "The person's phone number (at most 40 characters)", example = "+447700900123")
            @Size(max = 40) String phone,
            @Schema(description = "The recipient's key in the register of processing (at most 60 characters)",
                    example = "authorities") @NotBlank @Size(max = 60) String recipient,
            @Schema(description = "Who exactly received the data (at most 200 characters)",
                    example = "Example Constabulary, data protection unit") @NotBlank @Size(max = 200)
            String recipientName,
            @Schema(description = "The data categories disclosed: 1 to 20 category keys of the register",
                    example = "[\"appointments\", \"client-profiles\"]")
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 60) String> categories,
            @Schema(description = "The day the data was disclosed (ISO 8601 date, today or earlier)",
                    example = "2026-11-27")
            @NotNull @PastOrPresent(message = "must be today or a day in the past") LocalDate disclosedOn,
            @Schema(description = "The legal basis: CONTRACT, LEGAL_OBLIGATION, LEGITIMATE_INTERESTS, CONSENT,"
                    + " VITAL_INTERESTS or PUBLIC_TASK", example = "LEGAL_OBLIGATION")
            @NotBlank @Size(max = 40) String legalBasis,
            @Schema(description = "Whether the person was told of the disclosure", example = "false")
            @NotNull Boolean personTold,
            @Schema(description = "Only when the person was not told: the exemption relied on (at most 500"
                    + " characters)", example = "Crime and taxation exemption (DPA 2018 Schedule 2 paragraph 2)")
            @Size(max = 500) String exemptionGround,
            @Schema(description = "What was disclosed and why (at most 4000 characters), kept sealed",
                    example = "Appointment dates for March 2026, given under a production order.")
            @NotBlank @Size(max = 4000) String details) {
    }

    /** A person looked up by a proven identifier, as the desk knows them; at least one. */
    record Person(@Schema(description = "The person's email address (at most 320 characters); email, phone or both",
            example = "jo.bloggs@example.org") @Size(max = 320) String email,
            @Schema(description = "The person's phone number (at most 40 characters)", example = "+447700900123")
            @Size(max = 40) String phone) {
    }

    /** @param details opened only for a look-up of the person, never in the list of recent disclosures */
    @Schema(name = "DisclosureView", description = "A disclosure as the privacy office reads it")
    record View(@Schema(description = "The disclosure's id", example = "9d4b1f6e-2c8a-4e3f-b0d7-5a1c8e6f2b93") UUID id,
            @Schema(description = "The recipient's key in the register of processing", example = "authorities")
            String recipient,
            @Schema(description = "Who exactly received the data",
                    example = "Example Constabulary, data protection unit")
            String recipientName,
            @Schema(description = "The data categories disclosed (category keys of the register)",
                    example = "[\"appointments\", \"client-profiles\"]") List<String> categories,
            @Schema(description = "The day the data was disclosed (ISO 8601 date)", example = "2026-11-27")
            LocalDate disclosedOn,
            @Schema(description = "The legal basis, as in the register", example = "LEGAL_OBLIGATION") String legalBasis,
            @Schema(description = "Whether the person was told", example = "false") boolean personTold,
            @Schema(description = "The exemption relied on when the person was not told; null otherwise",
                    example = "Crime and taxation exemption (DPA 2018 Schedule 2 paragraph 2)") String exemptionGround,
            @Schema(description = "What was disclosed and why; only in a look-up of the person, null in the recent list",
                    example = "Appointment dates for March 2026, given under a production order.") String details,
            @Schema(description = "Who recorded it: the staff username their sign-in names",
                    example = "privacy@alluris.local") String recordedBy,
            @Schema(description = "When it was recorded (ISO 8601, UTC)", example = "2026-11-27T15:20:00Z")
            Instant recordedAt,
            @Schema(description = "Whether an erasure or restriction request holds it back: still shown to the privacy"
                    + " office and exported to the person, nothing new done with it", example = "false") boolean held,
            @Schema(description = "Why it is held back; null unless held",
                    example = "restricted at the person's request")
            String heldBecause) {
    }
}
