package uk.alluris.records.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a person's clinical data: who read it, when, what ({@code what} names the kind of item — entry,
 * subject, photo, thumbnail, consent-form, questionnaire, recall — and {@code entryId} the item itself, when it is one)
 * and why, where a reason was required or given.
 */
@Document("read_audit")
public record AuditedRead(
        @Schema(description = "The read's id", example = "0f6b2d8e-4a1c-4e97-b3f5-7c2a9d1e8b40") @Id UUID id,
        @Schema(description = "The subject id of the person whose data was read",
                example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
        @Indexed String subjectId,
        @Schema(description = "The item read (entry, photo or form id) when the read was of one item; null otherwise",
                example = "5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0") UUID entryId,
        @Schema(description = "Who read: the staff username from their token, a client's pseudonymous id, or the "
                + "service itself for an export", example = "clinician@alluris.local") String reader,
        @Schema(description = "The reason given, where one was required or offered; null otherwise",
                example = "Access request 2026-041: preparing the export") String reason,
        @Schema(description = "When the read happened (ISO 8601 instant, UTC)", example = "2026-11-28T09:05:00Z")
        Instant at,
        @Schema(description = "What was read: entry, subject, photo, photo-thumbnail, photos, photo-marketing-use, "
                + "consent-form, consent-forms, questionnaires, review-list, recall or export", example = "entry")
        String what) {
}
