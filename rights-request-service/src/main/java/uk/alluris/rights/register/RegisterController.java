package uk.alluris.rights.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.problem.ProblemException;

/**
 * {@code GET /api/privacy/register}: the clinic's register of processing, public and free of personal data. The body
 * is fixed for the life of the process (it is configuration), so it is serialised once and served with a strong ETag
 * and an hour's public caching; a matching {@code If-None-Match} gets 304. The gateway rate-limits it per address like
 * every other public endpoint. It takes no parameters: any given is a 400 problem, not silently ignored.
 */
@RestController
class RegisterController {

    static final String PATH = "/api/privacy/register";

    private final byte[] body;
    private final String etag;

    RegisterController(PublishedRegister register) {
        this.body = JsonMapper.builder().build().writeValueAsString(register).getBytes(StandardCharsets.UTF_8);
        this.etag = "\"" + sha256(body) + "\"";
    }

    @Operation(summary = "Read the register of processing", description = "The clinic's register of processing: each"
            + " category of data, why and on what basis it is processed, who receives it and how long it is kept, and"
            + " the rights people have. Public and free of personal data, rate-limited per address at the gateway;"
            + " cached for an hour with an ETag (a matching If-None-Match answers 304); any query parameter is a 400"
            + " problem.")
    @ApiResponse(responseCode = "200", description = "The register", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PublishedRegister.class)))
    @ApiResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> register(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
            WebRequest request) {
        if (!parameters.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Unexpected parameters",
                    "GET /api/privacy/register takes no query parameters; ask again without any");
        }
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
