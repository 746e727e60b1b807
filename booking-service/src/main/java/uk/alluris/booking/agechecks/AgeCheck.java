package uk.alluris.booking.agechecks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Evidence that staff took reasonable steps to establish a client's age (the defence the 2021 Act allows): which
 * document was seen, who checked it and when. The document's number and image are never kept.
 */
@Document("age_checks")
record AgeCheck(
        @Schema(description = "The check's id", example = "2a4c6e8b-0d1f-4a3c-9e5b-7d9f1b3c5e68") @Id UUID id,
        @Schema(description = "The client whose age was checked", example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34")
        @Indexed UUID clientId,
        @Schema(description = "The kind of photo identity seen", example = "DRIVING_LICENCE") DocumentType documentType,
        @Schema(description = "The username of the member of staff who checked it", example = "reception.desk")
        String checkedBy,
        @Schema(description = "When the document was seen (UTC, ISO-8601)", example = "2026-12-03T10:25:00Z")
        Instant checkedAt,
        @Schema(description = "When the check was recorded (UTC, ISO-8601)", example = "2026-12-03T10:27:00Z")
        Instant recordedAt) {

    /** Photo identity the clinic accepts as proof of age (PASS-accredited cards included). */
    enum DocumentType {
        PASSPORT, DRIVING_LICENCE, PASS_CARD, BIOMETRIC_RESIDENCE_PERMIT, ARMED_FORCES_ID
    }
}
