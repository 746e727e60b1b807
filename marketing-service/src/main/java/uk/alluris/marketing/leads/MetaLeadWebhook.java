package uk.alluris.marketing.leads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.apidocs.PlatformApiConventions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.webhook.BoundedBody;
import uk.alluris.marketing.MarketingProperties;

/**
 * Meta Lead Ads' webhook. {@code GET} answers Meta's subscription check (echoes {@code hub.challenge} when
 * {@code hub.verify_token} is ours). {@code POST} is let in by Meta's signature over the raw body alone, read through
 * a bounded stream ({@value #MAX_BODY} bytes, 413 beyond) and checked before the body is parsed; it carries lead ids
 * only ({@code entry[].changes[].value.leadgen_id}, field
 * {@code leadgen}), which are recorded and answered at once, their fields fetched from the Graph API afterwards.
 * Meta repeats deliveries: one lead id is one lead.
 */
@RestController
@RequestMapping("/webhooks/meta/leads")
class MetaLeadWebhook {

    /** Meta batches changes into one delivery; even a large batch of lead ids stays far below this. */
    static final int MAX_BODY = 256 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MetaSignature signature;
    private final byte[] verifyToken;
    private final LeadIntake intake;
    private final MetaLeadFetcher fetcher;

    MetaLeadWebhook(MarketingProperties properties, LeadIntake intake, MetaLeadFetcher fetcher) {
        this.signature = new MetaSignature(properties.meta().appSecret());
        this.verifyToken = properties.meta().verifyToken().getBytes(StandardCharsets.UTF_8);
        this.intake = intake;
        this.fetcher = fetcher;
    }

    @GetMapping
    @Operation(summary = "Answer Meta's subscription check", description = "Meta's webhook verification: echoes "
            + "hub.challenge as text when hub.mode is subscribe and hub.verify_token is the clinic's (403 otherwise). "
            + "No token; limited per address by the gateway.", extensions = @Extension(properties = @ExtensionProperty(
                    name = PlatformApiConventions.NAMES_FIXED_BY,
                    value = "Meta's webhook verification request (hub.mode, hub.verify_token, hub.challenge)")))
    ResponseEntity<String> subscriptionCheck(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{1,200}")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "hub.challenge is missing or malformed");
        }
        if (!"subscribe".equals(mode) || token == null
                || !MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "hub.verify_token does not match");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping
    @Operation(summary = "Take Meta's lead ids", description = "A Meta Lead Ads delivery, let in by Meta's signature "
            + "over the raw body (X-Hub-Signature-256), checked before parsing; no token; a body over 256 KB is a 413. "
            + "Its leadgen lead ids are recorded and answered at once, their fields fetched from the Graph API "
            + "afterwards; a repeated lead id is one lead, and a suppressed or restricted person's lead is dropped.")
    Map<String, Object> delivery(@RequestHeader(name = MetaSignature.HEADER, required = false) String header,
            HttpServletRequest request) {
        byte[] body = BoundedBody.read(request, MAX_BODY);
        signature.verify(header, body);
        JsonNode delivery;
        try {
            delivery = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "the delivery is not JSON");
        }
        if (!"page".equals(delivery.path("object").asString(""))) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "only page (leadgen) deliveries are taken");
        }
        // every change is read and checked before any is recorded: a bad delivery records nothing
        List<Change> changes = new ArrayList<>();
        for (JsonNode entry : delivery.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if ("leadgen".equals(change.path("field").asString(""))) {
                    changes.add(Change.of(entry, change.path("value")));
                }
            }
        }
        List<String> toFetch = new ArrayList<>();
        for (Change change : changes) {
            if (intake.acceptMetaLeadId(change.leadgenId(), change.formId(), change.pageId(), change.adId(),
                    change.createdTime()) == LeadIntake.Result.PENDING) {
                toFetch.add("meta:" + change.leadgenId());
            }
        }
        fetcher.soon(toFetch);
        return Map.of("received", changes.size());
    }

    /** One {@code leadgen} change: the lead's ids and when it was created. */
    record Change(String leadgenId, String formId, String pageId, String adId, Instant createdTime) {

        static Change of(JsonNode entry, JsonNode value) {
            String leadgenId = value.path("leadgen_id").asString("");
            if (!GraphLeads.LEAD_ID.matcher(leadgenId).matches()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "a leadgen change needs a leadgen_id of letters and digits");
            }
            long created = value.path("created_time").asLong(0);
            return new Change(leadgenId, text(value.path("form_id"), null), text(value.path("page_id"), entry.path("id")),
                    text(value.path("ad_id"), null), created > 0 ? Instant.ofEpochSecond(created) : null);
        }
    }

    private static String text(JsonNode value, JsonNode fallback) {
        String text = value.asString("");
        if (text.isEmpty() && fallback != null) {
            text = fallback.asString("");
        }
        return text.isEmpty() ? null : text.length() > 100 ? text.substring(0, 100) : text;
    }
}
