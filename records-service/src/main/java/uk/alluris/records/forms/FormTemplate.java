package uk.alluris.records.forms;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a treatment's consent form: what the client reads and signs. Never changed once made — a new wording
 * is a new version — so a signed form always points at exactly the text that was signed ({@code bodySha256}).
 */
@Document("consent_form_templates")
@CompoundIndex(name = "treatment_version", def = "{ 'treatment': 1, 'version': 1 }", unique = true)
record FormTemplate(
        @Schema(description = "This version's id, which a signing names",
                example = "7e4a1b93-0c5d-4f2e-a8b6-3d9c1e7f5a20")
        @Id UUID id,
        @Schema(description = "The treatment the form is for", example = "lip-filler") String treatment,
        @Schema(description = "The version number within the treatment, from 1", example = "2") int version,
        @Schema(description = "The form's title", example = "Consent to lip filler treatment") String title,
        @Schema(description = "The full text the client reads and signs", example = "I understand the risks of this "
                + "treatment, including bruising and swelling, and consent to it.") String body,
        @Schema(description = "The SHA-256 of the text, as 64 lower-case hex digits",
                example = "9f2b6c1e4d8a7b3c5e0f1a2d4c6b8e0f3a5c7d9e1b2f4a6c8d0e2f4a6b8c0d1e")
        String bodySha256,
        @Schema(description = "Who wrote this version: the staff username from their token",
                example = "clinician@alluris.local") String createdBy,
        @Schema(description = "When this version was made (ISO 8601 instant, UTC)", example = "2026-10-01T08:00:00Z")
        Instant createdAt) {
}
