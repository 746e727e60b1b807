package uk.alluris.records.photos;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A photo's details as clinicians read them (the image itself is fetched from {@code image}/{@code thumbnail}).
 * {@code anonymisedRegion} is null until an anonymised derivative is made; {@code useWithdrawnBecause} says why the use
 * last went back to clinical without a clinician choosing it.
 */
record PhotoView(
        @Schema(description = "The photo's id", example = "e8b3c6d1-4f2a-4a97-b0e5-1d7c9f3a6b28") UUID id,
        @Schema(description = "The subject id of the person photographed",
                example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
        String subjectId,
        @Schema(description = "The image's media type: image/jpeg or image/png", example = "image/jpeg") String format,
        @Schema(description = "Width in pixels", example = "3024") int width,
        @Schema(description = "Height in pixels", example = "4032") int height,
        @Schema(description = "When it was taken (ISO 8601 instant, UTC); the upload time when none was given",
                example = "2026-11-27T14:20:00Z") Instant takenAt,
        @Schema(description = "When it was uploaded (ISO 8601 instant, UTC)", example = "2026-11-27T14:25:00Z")
        Instant uploadedAt,
        @Schema(description = "Who uploaded it: the staff username from their token",
                example = "clinician@alluris.local")
        String uploadedBy,
        @Schema(description = "What the photo shows, decrypted; null when none was given",
                example = "Left cheek, two weeks after treatment") String caption,
        @Schema(description = "What the clinic may do with the photo now: CLINICAL, MARKETING_ANONYMISED or "
                + "MARKETING_IDENTIFIABLE", example = "CLINICAL") PermittedUse permittedUse,
        @Schema(description = "Who last set the use: the uploader at first, then the clinician who chose it, or "
                + "records-service when it withdrew a marketing use", example = "clinician@alluris.local") String useSetBy,
        @Schema(description = "When the use was last set (ISO 8601 instant, UTC)", example = "2026-11-28T10:00:00Z")
        Instant useSetAt,
        @Schema(description = "Why a marketing use went back to CLINICAL without a clinician choosing it (consent "
                + "withdrawn, objection, erasure); null otherwise", example = "consent withdrawn in the ledger")
        String useWithdrawnBecause,
        @Schema(description = "The region the anonymised crop keeps; null until one is made") Region anonymisedRegion,
        @Schema(description = "Where to read the image (a path on the gateway)",
                example = "/api/records/photos/e8b3c6d1-4f2a-4a97-b0e5-1d7c9f3a6b28") String image,
        @Schema(description = "Where to read the thumbnail (a path on the gateway)",
                example = "/api/records/photos/e8b3c6d1-4f2a-4a97-b0e5-1d7c9f3a6b28/thumbnail") String thumbnail) {

    static PhotoView of(ClinicalPhoto photo, String caption) {
        String image = "/api/records/photos/" + photo.id;
        return new PhotoView(photo.id, photo.subjectId, photo.format.mediaType, photo.width, photo.height,
                photo.takenAt, photo.uploadedAt, photo.uploadedBy, caption, photo.permittedUse, photo.useSetBy,
                photo.useSetAt, photo.useWithdrawnBecause, photo.anonymisedRegion, image, image + "/thumbnail");
    }
}
