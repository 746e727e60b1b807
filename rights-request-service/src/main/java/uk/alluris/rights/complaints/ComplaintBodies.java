package uk.alluris.rights.complaints;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What callers send and read about complaints, with the limits each field is held to (a 400 problem otherwise). */
final class ComplaintBodies {

    private ComplaintBodies() {
    }

    /**
     * @param email the complainant's address: a client's must be the one their sign-in proved
     * @param channel how staff received it (PHONE, EMAIL, LETTER, IN_PERSON); a client's own complaint is PORTAL
     */
    record Made(@Schema(description = "The complainant's email address, where the answer is mailed (at most 320"
            + " characters); a client's must be the one their sign-in proved", example = "jo.bloggs@example.org")
            @NotBlank @Size(max = 320) String email,
            @Schema(description = "The complaint in the complainant's words (at most 5000 characters)",
                    example = "I asked for my marketing emails to stop in October and still receive them.")
            @NotBlank @Size(max = 5000) String text,
            @Schema(description = "How the complaint reached the clinic: PHONE, EMAIL, LETTER or IN_PERSON when staff"
                    + " log it (required then); left out or PORTAL for a client's own", example = "PHONE")
            @Pattern(regexp = "PORTAL|PHONE|EMAIL|LETTER|IN_PERSON",
                    message = "must be one of PORTAL, PHONE, EMAIL, LETTER, IN_PERSON") String channel) {
    }

    record Assigned(@Schema(description = "Who handles the complaint: a member of staff's name or sign-in (at most 200"
            + " characters)", example = "Practice manager") @NotBlank @Size(max = 200) String assignee) {
    }

    record Answered(@Schema(description = "The answer mailed to the complainant (at most 10000 characters)",
            example = "We are sorry: your address was missed when a list was imported. It is now suppressed.")
            @NotBlank @Size(max = 10000) String text) {
    }

    /** @param text and {@code answer} opened for the complainant and for staff reading one complaint; null in lists */
    @Schema(name = "ComplaintView", description = "A complaint as staff and the complainant read it")
    record View(@Schema(description = "The complaint's id", example = "7c2e9f41-3b6a-4d8e-a5f0-1e9b7d3c2a64") UUID id,
            @Schema(description = "OPEN or ANSWERED", example = "OPEN") String status,
            @Schema(description = "How it reached the clinic: PORTAL, PHONE, EMAIL, LETTER or IN_PERSON",
                    example = "PORTAL") String channel,
            @Schema(description = "When it was logged (ISO 8601, UTC)", example = "2026-12-03T10:30:00Z")
            Instant receivedAt,
            @Schema(description = "When it is due (a London day), one month after it was received",
                    example = "2027-01-03") LocalDate dueDate,
            @Schema(description = "Whether the due date has passed and it is still open", example = "false")
            boolean overdue,
            @Schema(description = "Who handles it; null until assigned", example = "Practice manager") String assignee,
            @Schema(description = "The complaint's text; null in the staff list",
                    example = "I asked for my marketing emails to stop in October and still receive them.") String text,
            @Schema(description = "The answer's text; null until answered, and in the staff list",
                    example = "We are sorry: your address was missed when a list was imported. It is now suppressed.")
            String answer,
            @Schema(description = "When it was answered (ISO 8601, UTC); null until then",
                    example = "2026-12-10T16:00:00Z") Instant answeredAt,
            @Schema(description = "Whether an erasure or restriction request holds it back: still shown to the privacy"
                    + " office and exported to the person, nothing new done with it", example = "false") boolean held,
            @Schema(description = "The complainant's address; only when staff read one complaint",
                    example = "jo.bloggs@example.org") String email) {
    }
}
