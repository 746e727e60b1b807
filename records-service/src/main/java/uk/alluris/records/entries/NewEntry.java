package uk.alluris.records.entries;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A clinical entry as a clinician writes it ({@code POST /api/records/entries}).
 * {@code batchNumbers}: treatments only, the product batches used (letters, digits, '-', '/', '.').
 * {@code marketingUse}: retired (see {@link EntryController#RETIRED_MARKETING_USE}); read only to refuse {@code true}.
 */
record NewEntry(
        @Schema(description = "The person's subject id, shared by the platform's services; give it, email, or both. "
                + "An id this service has not met yet starts a new clinical record",
                example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11") String subjectId,
        @Schema(description = "The person's email address (at most 320 characters), to find their record when no "
                + "subjectId is given; kept only as a keyed blind index, never as text",
                example = "jo.bloggs@example.org") @Email @Size(max = 320) String email,
        @Schema(description = "The person's phone number (at most 40 characters), kept only as a keyed blind index "
                + "so later privacy requests find the record", example = "+447700900123") @Size(max = 40) String phone,
        @Schema(description = "Date of birth (ISO 8601 date, in the past); it sets how long the records are kept "
                + "when the person was under 18 at their last entry", example = "1988-04-17") @Past LocalDate dateOfBirth,
        @Schema(description = "What kind of clinical record this is; only TREATMENT takes batch numbers",
                example = "TREATMENT") @NotNull EntryKind kind,
        @Schema(description = "When the care took place (ISO 8601 date-time with offset, not in the future); its day "
                + "in Europe/London becomes the record's last-entry date, from which retention counts",
                example = "2026-11-27T14:30:00Z") @NotNull @PastOrPresent OffsetDateTime recordedAt,
        @Schema(description = "The entry's structured details as a JSON object (for a treatment: product, areas, "
                + "doses); stored encrypted under the person's own key",
                example = "{\"product\": \"Hyaluronic acid filler 1 ml\", \"area\": \"nasolabial folds\", "
                        + "\"volumeMl\": 0.8}") Map<String, Object> fields,
        @Schema(description = "The clinician's free-text notes (at most 20,000 characters); stored encrypted under "
                + "the person's own key", example = "Medical history reviewed, no contraindications. Aftercare "
                        + "leaflet given.") @Size(max = 20000) String notes,
        @Schema(description = "Retired: absent, null or false only (true is refused with a 400 problem); a photo's "
                + "marketing use is chosen with PUT /api/records/photos/{photoId}/use", example = "false",
                deprecated = true) Boolean marketingUse,
        @Schema(description = "Other people the entry names (a companion, a referring doctor): at most 20, each 1 to "
                + "200 characters; encrypted, and redacted when the record is exported to the person",
                example = "[\"Referring GP, Example Street Surgery\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> thirdParties,
        @Schema(description = "TREATMENT entries only: the product batch (lot) numbers used, at most 20, each 1 to 40 "
                + "letters, digits, '.', '/' or '-' starting with a letter or digit; stored upper-case, for recalls",
                example = "[\"LOT-24A117\"]")
        @Size(max = 20) List<@NotBlank @Pattern(regexp = EntryController.BATCH) String> batchNumbers) {
}
