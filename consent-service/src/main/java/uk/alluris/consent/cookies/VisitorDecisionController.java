package uk.alluris.consent.cookies;

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
    record Choice(Map<String, Boolean> categories, String bannerVersion, String policyVersion, Boolean gpc) {
    }

    record Recorded(UUID decisionId, Map<String, Boolean> categories, boolean globalPrivacyControl,
            String bannerVersion, String policyVersion, Instant recordedAt) {
    }

    record Claimed(int decisions) {
    }

    private final VisitorChoices choices;

    VisitorDecisionController(VisitorChoices choices) {
        this.choices = choices;
    }

    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.CREATED)
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
