package uk.alluris.records.photos;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.ThirdPartyRedaction;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetainedOrErased;

/**
 * What a privacy request does to clinical photos: they are clinical records, so an erasure keeps them, restricted,
 * until the retention date and crypto-shreds them with the rest ({@link #eraseAll}); their marketing use is withdrawn
 * at once on erasure or objection; a restriction makes every read need a reason and stops any marketing use; access
 * gets each photo's details, the full-size image and its thumbnail. The ledger decisions projected for the marketing
 * check are answered by {@link PhotoConsentPrivacy}.
 */
@Component
public class PhotoPrivacy {

    public static final String IMAGES = "clinical-images";
    public static final String UNREADABLE = "This photo's encryption key was destroyed: it can no longer be read.";

    /**
     * The {@code clinical-images} category: each photo's details, its permitted use, the full-size image as stored
     * (cleaned of EXIF and GPS on arrival; base64, in {@code format}) and its thumbnail (base64 JPEG). An export with
     * full-size images is often larger than one Kafka message: the kit sends it in parts.
     */
    public record Exported(UUID photoId, Instant takenAt, Instant uploadedAt, String uploadedBy, String caption,
            String format, int width, int height, String permittedUse, String useWithdrawnBecause,
            boolean anonymisedDerivative, String imageBase64, String thumbnailJpegBase64, String unreadable) {
    }

    private final ClinicalPhotos photos;
    private final PhotoUses uses;
    private final FieldCipher cipher;

    private final PrivacyEffects effects;

    PhotoPrivacy(ClinicalPhotos photos, PhotoUses uses, FieldCipher cipher, PrivacyEffects effects) {
        this.effects = effects;
        this.photos = photos;
        this.uses = uses;
        this.cipher = cipher;
    }

    /** How many photos each subject holds, by subject id (taken before an erasure, which may shred them). */
    public Map<String, Integer> counts(List<ClinicalSubject> subjects) {
        Map<String, Integer> counts = new HashMap<>();
        subjects.forEach(subject -> counts.put(subject.id(), (int) photos.countBySubjectId(subject.id())));
        return counts;
    }

    public int count(List<ClinicalSubject> subjects) {
        return counts(subjects).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Withdraws every marketing use of the subjects' photos; returns how many photos it was withdrawn from. */
    public int withdrawMarketing(List<ClinicalSubject> subjects, String because) {
        // journalled before anything changes: a redelivery after a crash counts what this request withdrew
        int withdrawn = effects.planned("photos-marketing-use-photos",
                subjects.stream().flatMap(subject -> uses.marketed(subject.id()).stream()).toList());
        subjects.forEach(subject -> uses.withdrawAll(subject.id(), because));
        return withdrawn;
    }

    /** After an erasure: the photos of subjects now shredded ERASED, of those held RETAINED until their date. */
    public List<CategoryOutcome> afterErasure(List<ClinicalSubject> subjects, Map<String, Integer> before) {
        return RetainedOrErased.receipt(IMAGES, subjects, before);
    }

    /** Removes a shredded subject's photos (already unreadable: their key is gone) from the live store. */
    public long eraseAll(String subjectId) {
        return photos.deleteBySubjectId(subjectId);
    }

    /** Every photo of the person: details decrypted, full image and thumbnail included; unreadable ones said so. */
    public List<Exported> export(ClinicalSubject person, ThirdPartyRedaction redaction) {
        return photos.findBySubjectIdOrderByTakenAtAsc(person.id()).stream().map(photo -> {
            String id = photo.id.toString();
            Optional<byte[]> image = cipher.decryptBytes(person.id(), id, "image", photo.encryptedImage);
            Optional<byte[]> thumbnail = cipher.decryptBytes(person.id(), id, "thumbnail", photo.encryptedThumbnail);
            String caption = cipher.decrypt(person.id(), id, "caption", photo.encryptedCaption).orElse(null);
            return new Exported(photo.id, photo.takenAt, photo.uploadedAt, photo.uploadedBy,
                    redaction.text(caption, List.of()).value(), photo.format.mediaType, photo.width, photo.height,
                    photo.permittedUse.name(), photo.useWithdrawnBecause, photo.hasAnonymised(),
                    image.map(Base64.getEncoder()::encodeToString).orElse(null),
                    thumbnail.map(Base64.getEncoder()::encodeToString).orElse(null),
                    image.isEmpty() ? UNREADABLE : null);
        }).toList();
    }
}
