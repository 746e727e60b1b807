package uk.alluris.records.photos;

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

    record UseChoice(@NotNull PermittedUse use) {
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

    @GetMapping("/subjects/{subjectId}/photos")
    List<PhotoView> photos(@PathVariable String subjectId, @RequestParam(required = false) String reason,
            Paging paging) {
        audit.beforeReading(library.subject(subjectId), "photos", null, reader(), reason);
        return paging.of(library.of(subjectId));
    }

    @GetMapping("/photos/{photoId}")
    ResponseEntity<byte[]> image(@PathVariable UUID photoId, @RequestParam(required = false) String reason) {
        return audited(library.image(photoId), "photo", reason);
    }

    @GetMapping("/photos/{photoId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID photoId, @RequestParam(required = false) String reason) {
        return audited(library.thumbnail(photoId), "photo-thumbnail", reason);
    }

    @PostMapping("/photos/{photoId}/anonymised")
    PhotoView anonymise(@PathVariable UUID photoId, @Valid @RequestBody Region region) {
        return library.anonymise(photoId, region);
    }

    @PutMapping("/photos/{photoId}/use")
    PhotoView use(@PathVariable UUID photoId, @Valid @RequestBody UseChoice choice) {
        return library.permit(photoId, choice.use(), reader());
    }

    /** The image a marketing use takes (the original or the anonymised crop), only with the ledger's consent now. */
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
