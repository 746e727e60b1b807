package uk.alluris.records.photos;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo's details as clinicians read them (the image itself is fetched from {@code image}/{@code thumbnail}).
 * {@code anonymisedRegion} is null until an anonymised derivative is made; {@code useWithdrawnBecause} says why the use
 * last went back to clinical without a clinician choosing it.
 */
record PhotoView(UUID id, String subjectId, String format, int width, int height, Instant takenAt, Instant uploadedAt,
        String uploadedBy, String caption, PermittedUse permittedUse, String useSetBy, Instant useSetAt,
        String useWithdrawnBecause, Region anonymisedRegion, String image, String thumbnail) {

    static PhotoView of(ClinicalPhoto photo, String caption) {
        String image = "/api/records/photos/" + photo.id;
        return new PhotoView(photo.id, photo.subjectId, photo.format.mediaType, photo.width, photo.height,
                photo.takenAt, photo.uploadedAt, photo.uploadedBy, caption, photo.permittedUse, photo.useSetBy,
                photo.useSetAt, photo.useWithdrawnBecause, photo.anonymisedRegion, image, image + "/thumbnail");
    }
}
