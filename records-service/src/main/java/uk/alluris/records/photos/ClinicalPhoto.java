package uk.alluris.records.photos;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A clinical photo: the cleaned image, its thumbnail and any anonymised derivative, each stored only as ciphertext
 * under the subject's own key (so destroying that key erases every copy), with its permitted use. Format, size and
 * times stay readable: they say nothing of the person.
 */
@Document("photos")
class ClinicalPhoto {

    @Id
    UUID id;
    @Indexed
    String subjectId;
    ImageFormat format;
    int width;
    int height;
    Instant takenAt;
    Instant uploadedAt;
    String uploadedBy;
    /** What the photo shows, in the clinician's words (e.g. "before, lips, front"): personal data, so encrypted. */
    String encryptedCaption;
    byte[] encryptedImage;
    byte[] encryptedThumbnail;
    byte[] encryptedAnonymised;
    Region anonymisedRegion;
    PermittedUse permittedUse = PermittedUse.CLINICAL;
    String useSetBy;
    Instant useSetAt;
    /** Why the use last went back to clinical when no one chose it: a consent withdrawn, an objection, an erasure. */
    String useWithdrawnBecause;

    static ClinicalPhoto uploaded(UUID id, String subjectId, ImageFormat format, int width, int height,
            Instant takenAt, Instant now, String by) {
        ClinicalPhoto photo = new ClinicalPhoto();
        photo.id = id;
        photo.subjectId = subjectId;
        photo.format = format;
        photo.width = width;
        photo.height = height;
        photo.takenAt = takenAt;
        photo.uploadedAt = now;
        photo.uploadedBy = by;
        photo.useSetBy = by;
        photo.useSetAt = now;
        return photo;
    }

    void permit(PermittedUse use, String by, Instant at) {
        permittedUse = use;
        useSetBy = by;
        useSetAt = at;
        useWithdrawnBecause = null;
    }

    /** Back to clinical use only; returns whether a marketing use was withdrawn. */
    boolean withdrawMarketing(String because, Instant at) {
        if (!permittedUse.marketing()) {
            return false;
        }
        permittedUse = PermittedUse.CLINICAL;
        useSetBy = "records-service";
        useSetAt = at;
        useWithdrawnBecause = because;
        return true;
    }

    boolean hasAnonymised() {
        return encryptedAnonymised != null;
    }
}
