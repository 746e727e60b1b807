package uk.alluris.records.photos;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.photos.ImageSanitising.CleanImage;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectRegister;

/**
 * Keeps clinical photos: cleaned on arrival, encrypted under the subject's key (image, thumbnail, anonymised crop, each
 * bound to the photo and its part), read back decrypted, their use chosen by a clinician and checked against the
 * ledger whenever it is a marketing one.
 */
@Service
class PhotoLibrary {

    /** An image as it is served: its subject (for the audit), bytes and media type. */
    record Served(ClinicalSubject subject, ClinicalPhoto photo, byte[] bytes, String mediaType) {
    }

    private static final ZoneId CLINIC = ZoneId.of("Europe/London");

    private final ClinicalPhotos photos;
    private final SubjectRegister register;
    private final FieldCipher cipher;
    private final ImageSanitising sanitising;
    private final MarketingPermission permission;
    private final Clock clock;

    PhotoLibrary(ClinicalPhotos photos, SubjectRegister register, FieldCipher cipher, ImageSanitising sanitising,
            MarketingPermission permission, Clock clock) {
        this.photos = photos;
        this.register = register;
        this.cipher = cipher;
        this.sanitising = sanitising;
        this.permission = permission;
        this.clock = clock;
    }

    PhotoView upload(String subjectId, byte[] upload, Instant takenAt, String caption, String by) {
        subject(subjectId);
        CleanImage clean = sanitising.clean(upload);
        byte[] thumbnail = sanitising.thumbnail(clean);
        Instant now = clock.instant();
        Instant taken = takenAt == null ? now : takenAt;
        ClinicalSubject subject = register.forEntry(subjectId, null, null, null, taken.atZone(CLINIC).toLocalDate());
        UUID id = UUID.randomUUID();
        ClinicalPhoto photo = ClinicalPhoto.uploaded(id, subject.id(), clean.format(), clean.width(), clean.height(),
                taken, now, by);
        photo.encryptedImage = cipher.encryptBytes(subject.id(), id.toString(), "image", clean.bytes());
        photo.encryptedThumbnail = cipher.encryptBytes(subject.id(), id.toString(), "thumbnail", thumbnail);
        photo.encryptedCaption = cipher.encrypt(subject.id(), id.toString(), "caption", caption);
        return view(photos.insert(photo));
    }

    List<PhotoView> of(String subjectId) {
        return photos.findBySubjectIdOrderByTakenAtAsc(subject(subjectId).id()).stream().map(this::view).toList();
    }

    PhotoView details(UUID photoId) {
        return view(photo(photoId));
    }

    Served image(UUID photoId) {
        ClinicalPhoto photo = photo(photoId);
        return served(photo, "image", photo.encryptedImage, photo.format.mediaType);
    }

    Served thumbnail(UUID photoId) {
        ClinicalPhoto photo = photo(photoId);
        return served(photo, "thumbnail", photo.encryptedThumbnail, ImageFormat.JPEG.mediaType);
    }

    /**
     * Makes the anonymised derivative: only the region the clinician chose, from the cleaned image; refused (409) for a
     * restricted person, since its only use is marketing.
     */
    PhotoView anonymise(UUID photoId, Region region) {
        ClinicalPhoto photo = photo(photoId);
        // the crop exists only for a marketing use: none is made of a restricted person's photo
        permission.requireUnrestricted(subject(photo.subjectId));
        Served original = image(photoId);
        byte[] cropped = sanitising.crop(new CleanImage(photo.format, original.bytes(), photo.width, photo.height),
                region);
        photo.encryptedAnonymised = cipher.encryptBytes(photo.subjectId, photo.id.toString(), "anonymised", cropped);
        photo.anonymisedRegion = region;
        return view(photos.save(photo));
    }

    /** Chooses the photo's use; a marketing use only with the person's current consent, anonymised only with a crop. */
    PhotoView permit(UUID photoId, PermittedUse use, String by) {
        ClinicalPhoto photo = photo(photoId);
        if (use == PermittedUse.MARKETING_ANONYMISED && !photo.hasAnonymised()) {
            throw new ProblemException(HttpStatus.CONFLICT, "No anonymised derivative",
                    "use: MARKETING_ANONYMISED needs an anonymised derivative first (POST .../anonymised)");
        }
        if (use.marketing()) {
            permission.require(subject(photo.subjectId), use);
        }
        photo.permit(use, by, clock.instant());
        return view(photos.save(photo));
    }

    /** The image a marketing use may take, checked against the ledger now: the original or the anonymised crop. */
    Served forMarketing(UUID photoId) {
        ClinicalPhoto photo = photo(photoId);
        permission.require(subject(photo.subjectId), photo.permittedUse);
        return photo.permittedUse == PermittedUse.MARKETING_IDENTIFIABLE
                ? served(photo, "image", photo.encryptedImage, photo.format.mediaType)
                : served(photo, "anonymised", photo.encryptedAnonymised, photo.format.mediaType);
    }

    private Served served(ClinicalPhoto photo, String part, byte[] ciphertext, String mediaType) {
        ClinicalSubject subject = subject(photo.subjectId);
        byte[] bytes = cipher.decryptBytes(photo.subjectId, photo.id.toString(), part, ciphertext)
                .orElseThrow(() -> new ProblemException(HttpStatus.GONE, "Erased",
                        "this photo's encryption key was destroyed: it can no longer be read"));
        return new Served(subject, photo, bytes, mediaType);
    }

    private PhotoView view(ClinicalPhoto photo) {
        return PhotoView.of(photo, cipher.decrypt(photo.subjectId, photo.id.toString(), "caption",
                photo.encryptedCaption).orElse(null));
    }

    private ClinicalPhoto photo(UUID photoId) {
        return photos.findById(photoId).orElseThrow(() -> ProblemException.notFound("photo " + photoId));
    }

    ClinicalSubject subject(String subjectId) {
        return register.find(subjectId).orElseThrow(() -> ProblemException.notFound("subject " + subjectId));
    }
}
