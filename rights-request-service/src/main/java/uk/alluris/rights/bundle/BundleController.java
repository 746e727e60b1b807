package uk.alluris.rights.bundle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.problem.MailedLink;
import uk.alluris.kit.problem.MailedLinks;
import uk.alluris.kit.security.CurrentCaller;

/**
 * {@code GET /api/privacy/requests/{id}/bundle}: the bundle of an access or portability request, as
 * {@code application/zip}. Open to callers without a sign-in, who prove themselves with the request's download token
 * ({@code X-Request-Token}, or {@code ?token=} as the ready mail's link has it); the privacy officer needs no token.
 * The mailed link opened once it has expired or with a damaged token shows a browser a page offering a new request.
 */
@RestController
@MailedLinks
class BundleController {

    static final String TOKEN_HEADER = "X-Request-Token";
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Bundles bundles;

    BundleController(Bundles bundles) {
        this.bundles = bundles;
    }

    @Operation(summary = "Download a request's bundle", description = "The bundle of an access or portability request,"
            + " as a ZIP. Open without a sign-in to the holder of the request's download token (X-Request-Token header,"
            + " or the token parameter of the mailed link), rate-limited per address at the gateway; the privacy officer"
            + " needs no token. Each download is kept as evidence; a wrong token is 403, a bundle not ready yet 409 and"
            + " an expired one (deleted, its key destroyed) 410.")
    @ApiResponse(responseCode = "200", description = "The bundle, as a ZIP download", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "not ready yet: not every service has answered")
    @ApiResponse(responseCode = "410", description = "expired: the bundle is deleted and its key destroyed")
    @GetMapping("/api/privacy/requests/{id}/bundle")
    @MailedLink(nextStepLabel = "Ask for a new copy of your data",
            nextStep = "${alluris.mail-links.privacy-centre:/privacy}")
    ResponseEntity<byte[]> download(@PathVariable UUID id,
            @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
            @RequestParam(name = "token", required = false) String queryToken) {
        String officer = CurrentCaller.get().filter(caller -> caller.hasRole("PRIVACY_OFFICER"))
                .map(CurrentCaller::subject).orElse(null);
        Bundles.Download download = bundles.download(id,
                new Bundles.Downloader(officer, headerToken != null ? headerToken : queryToken));
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(download.zip());
    }
}
