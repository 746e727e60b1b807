package uk.alluris.consent.cookies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.kit.webhook.BoundedBody;

/**
 * The cookie banner's door. Recording a choice is open to anyone, anonymously (a website visitor has no account): the
 * gateway limits it per address, the body is read through a 2 KB bound before parsing, and every field is checked
 * strictly (three known categories, a 128-bit visitor id, short version labels; unknown fields refused). Claiming a
 * visitor id's choices needs a CLIENT token: the choices join that person's ledger.
 */
@RestController
@RequestMapping("/api/consents/visitors/{visitorId}")
class VisitorDecisionController {

    static final int MAX_BODY = 2048;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What the banner sends. {@code gpc} (optional): the page saw {@code navigator.globalPrivacyControl}. */
    record Choice(
            @Schema(description = "Exactly necessary (always true), analytics and advertising, each true or false",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "{\"necessary\": true, \"analytics\": true, \"advertising\": false}")
            Map<String, Boolean> categories,
            @Schema(description = "The banner version that asked: 1 to 40 letters, digits, '.', '_' or '-'",
                    requiredMode = Schema.RequiredMode.REQUIRED, example = "banner-2026.11") String bannerVersion,
            @Schema(description = "The privacy policy version the banner linked to: 1 to 40 letters, digits, '.', '_' "
                    + "or '-'", requiredMode = Schema.RequiredMode.REQUIRED, example = "2027-01") String policyVersion,
            @Schema(description = "Optional: true when the page saw navigator.globalPrivacyControl; advertising is "
                    + "then recorded as off", example = "false") Boolean gpc) {
    }

    record Recorded(
            @Schema(description = "The id of the stored choice", example = "5d3e7f1a-2b4c-4d6e-8f0a-1b2c3d4e5f6a")
            UUID decisionId,
            @Schema(description = "The choice as recorded per category: necessary (always true), analytics and "
                    + "advertising (false under Global Privacy Control, whatever was sent)",
                    example = "{\"necessary\": true, \"analytics\": true, \"advertising\": false}")
            Map<String, Boolean> categories,
            @Schema(description = "Whether the browser sent Global Privacy Control (the gpc field or the Sec-GPC: 1 "
                    + "header), which turns advertising off without asking", example = "false")
            boolean globalPrivacyControl,
            @Schema(description = "The banner version that asked", example = "banner-2026.11") String bannerVersion,
            @Schema(description = "The privacy policy version the banner linked to", example = "2027-01")
            String policyVersion,
            @Schema(description = "When the choice was recorded (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant recordedAt) {
    }

    record Claimed(
            @Schema(description = "How many cookie choices made under the visitor id now belong to the signed-in "
                    + "client (0 when none was made)", example = "2") int decisions) {
    }

    private final VisitorChoices choices;

    VisitorDecisionController(VisitorChoices choices) {
        this.choices = choices;
    }

    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a cookie choice", description = "Records a website visitor's cookie banner choice "
            + "under their visitor id (32 lower-case hex digits), sent as JSON: categories (necessary true, analytics "
            + "and advertising true or false), bannerVersion, policyVersion and gpc; unknown fields are refused. Open "
            + "to anyone without a token, limited per address by the gateway and to a 2 KB body (413 beyond). A choice "
            + "under a claimed visitor id joins its person's ledger; a grant while they are restricted is kept as "
            + "evidence only.", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = Choice.class))))
    Recorded record(@PathVariable String visitorId, HttpServletRequest request) {
        VisitorId visitor = new VisitorId(visitorId);
        Choice choice = parse(BoundedBody.read(request, MAX_BODY));
        CookieCategories asked = CookieCategories.read(choice.categories());
        boolean gpc = Boolean.TRUE.equals(choice.gpc()) || "1".equals(request.getHeader("Sec-GPC"));
        VisitorDecision saved = choices.record(visitor, asked, gpc, version("bannerVersion", choice.bannerVersion()),
                version("policyVersion", choice.policyVersion()), CallerNetwork.of(request),
                truncate(request.getHeader("User-Agent")));
        return new Recorded(saved.id, Map.of("necessary", true, "analytics", saved.analytics, "advertising",
                saved.advertising), saved.globalPrivacyControl, saved.bannerVersion, saved.policyVersion,
                saved.recordedAt);
    }

    @PostMapping("/claim")
    @Operation(summary = "Claim a visitor's cookie choices", description = "Joins every cookie choice made under the "
            + "visitor id to the signed-in person's consent ledger, and the choices made under it later. Only a "
            + "CLIENT, for themselves; a visitor id already claimed by someone else is a 409 naming nobody, and "
            + "claiming one's own again adds nothing. A grant made while the person is restricted is kept as evidence "
            + "only.")
    Claimed claim(@PathVariable String visitorId) {
        String emailIndex = CurrentCaller.get().filter(CurrentCaller::isClient).flatMap(CurrentCaller::emailIndex)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden",
                        "only a signed-in client claims their own visitor id's cookie choices"));
        return new Claimed(choices.claim(new VisitorId(visitorId), emailIndex));
    }

    private static Choice parse(byte[] body) {
        try {
            return JSON.readValue(body, Choice.class);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "the body must be JSON: {\"categories\": "
                    + "{\"necessary\": true, \"analytics\": true|false, \"advertising\": true|false}, \"bannerVersion\", "
                    + "\"policyVersion\", \"gpc\": true|false}, and nothing else");
        }
    }

    private static String version(String field, String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    field + " is required: 1 to 40 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static String truncate(String userAgent) {
        return userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 500));
    }
}
