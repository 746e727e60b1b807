package uk.alluris.records.photos;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.photos.PhotoLibrary.Served;

/**
 * Clinical photos (docs/clinical-records.md). Clinicians upload, read and choose each photo's use; the privacy officer
 * reads with a reason; a marketing use (clinicians and admins) is checked against the consent ledger each time. Every
 * read of an image or of a person's photo list is audited; a restricted person's need a reason.
 */
@RestController
@RequestMapping("/api/records")
class PhotoController {

    record UseChoice(@Schema(description = "The photo's use from now on: CLINICAL (care only, no consent needed), "
            + "MARKETING_ANONYMISED (only the anonymised crop; needs one) or MARKETING_IDENTIFIABLE; a marketing use "
            + "needs the person's current consent in the consent ledger", example = "MARKETING_ANONYMISED")
            @NotNull PermittedUse use) {
    }

    private final PhotoLibrary library;
    private final ReadAudit audit;
    private final PhotoLimits limits;

    PhotoController(PhotoLibrary library, ReadAudit audit, PhotoLimits limits) {
        this.library = library;
        this.audit = audit;
        this.limits = limits;
    }

    /** {@code file}: a JPEG or PNG; {@code takenAt}: when it was taken (default now); {@code caption}: what it shows. */
    @Operation(summary = "Upload a clinical photo", description = "Stores a photo of the person: JPEG or PNG judged by "
            + "its bytes (else 415), at most 10 MB and 40 million pixels by default (413), re-encoded so no metadata "
            + "(EXIF GPS, camera, time) survives, encrypted under the person's key with a thumbnail; it counts as a "
            + "clinical entry for retention. Clinicians only. A restricted person's record still takes photos; an "
            + "unknown subject is 404 and an erased one 409.")
    @PostMapping(path = "/subjects/{subjectId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    PhotoView upload(@PathVariable String subjectId, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) @PastOrPresent OffsetDateTime takenAt,
            @RequestParam(required = false) @Size(max = 500) String caption) throws IOException {
        if (file.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "file: an image is required");
        }
        if (file.getSize() > limits.maxUpload().toBytes()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Image too large",
                    "file: at most " + limits.maxUpload().toMegabytes() + " MB");
        }
        return library.upload(subjectId, file.getBytes(), takenAt == null ? null : takenAt.toInstant(),
                caption == null || caption.isBlank() ? null : caption.strip(), reader());
    }

    @Operation(summary = "List a person's photos", description = "The details of the person's photos (not the images), "
            + "in the order they were taken, paged with page and size (at most 200). Clinicians, and the privacy officer "
            + "with a reason (?reason=); the read is audited, and a restricted person's photos need a reason from "
            + "clinicians too (403 without one). An erased person has none left.")
    @GetMapping("/subjects/{subjectId}/photos")
    List<PhotoView> photos(@PathVariable String subjectId, @RequestParam(required = false) String reason,
            Paging paging) {
        audit.beforeReading(library.subject(subjectId), "photos", null, reader(), reason);
        return paging.of(library.of(subjectId));
    }

    @Operation(summary = "Read a clinical photo's image", description = "The image as stored (metadata already removed), "
            + "never cached. Clinicians, and the privacy officer with a reason (?reason=); audited, and a restricted "
            + "person's photo needs a reason from clinicians too (403 without one). An erased person's photos are gone "
            + "(404), or unreadable once the key is destroyed (410).")
    @GetMapping("/photos/{photoId}")
    ResponseEntity<byte[]> image(@PathVariable UUID photoId, @RequestParam(required = false) String reason) {
        return audited(library.image(photoId), "photo", reason);
    }

    @Operation(summary = "Read a clinical photo's thumbnail", description = "A JPEG thumbnail (longer edge 256 pixels "
            + "by default), never cached. Clinicians, and the privacy officer with a reason (?reason=); audited, and a "
            + "restricted person's needs a reason from clinicians too (403 without one). An erased person's photos are "
            + "gone (404), or unreadable once the key is destroyed (410).")
    @GetMapping("/photos/{photoId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID photoId, @RequestParam(required = false) String reason) {
        return audited(library.thumbnail(photoId), "photo-thumbnail", reason);
    }

    @Operation(summary = "Make a photo's anonymised crop", description = "Crops the photo to the region given (pixels "
            + "from its top-left corner, within the image, else 400) and keeps the crop encrypted under the person's key; "
            + "a MARKETING_ANONYMISED use serves only this crop. Making it again replaces it; the read of the image is "
            + "recorded in the person's read audit. Clinicians only. Refused (409) for a restricted person, since the "
            + "crop's only use is marketing; an erased person's photos are gone (404).")
    @PostMapping("/photos/{photoId}/anonymised")
    PhotoView anonymise(@PathVariable UUID photoId, @Valid @RequestBody Region region) {
        PhotoView made = library.anonymise(photoId, region);
        // making the crop read the whole image: the person's read audit says so, like any other read of it
        audit.recordRead(library.subject(made.subjectId()), "photo-anonymise", photoId, reader(), null);
        return made;
    }

    @Operation(summary = "Choose a photo's permitted use", description = "Sets the photo's use. A marketing use needs "
            + "the person's current consent for it in the consent ledger and, for MARKETING_ANONYMISED, an anonymised "
            + "crop (409 otherwise), and is refused for a restricted or erased person (409); CLINICAL is always allowed. "
            + "An objection or a withdrawn consent puts the use back to CLINICAL. Clinicians only.")
    @PutMapping("/photos/{photoId}/use")
    PhotoView use(@PathVariable UUID photoId, @Valid @RequestBody UseChoice choice) {
        return library.permit(photoId, choice.use(), reader());
    }

    /** The image a marketing use takes (the original or the anonymised crop), only with the ledger's consent now. */
    @Operation(summary = "Take a photo for marketing", description = "The image a marketing use may take (the original, "
            + "or only the anonymised crop), after checking the ledger's consent again now: refused (409) when the use is "
            + "clinical, the consent withdrawn or never given (as after an objection), or the person restricted or "
            + "erased. Clinicians and admins; every use is audited.")
    @GetMapping("/photos/{photoId}/marketing")
    ResponseEntity<byte[]> forMarketing(@PathVariable UUID photoId) {
        Served served = library.forMarketing(photoId);
        return audited(served, "photo-marketing-use", "marketing use " + served.photo().permittedUse);
    }

    private ResponseEntity<byte[]> audited(Served served, String what, String reason) {
        audit.beforeReading(served.subject(), what, served.photo().id, reader(), reason);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(served.mediaType())).body(served.bytes());
    }

    private static String reader() {
        return CurrentCaller.get().map(CurrentCaller::subject).orElse("unknown");
    }
}
