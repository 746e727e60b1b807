package uk.alluris.marketing.leads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.webhook.BoundedBody;
import uk.alluris.kit.webhook.WebhookDeliveries;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * Leads from any other partner, complete: {@code POST /webhooks/leads/{partner}}, signed with that partner's secret
 * ({@code X-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of "t.body">}, older than 5 minutes refused as a replay). An
 * unknown partner is a 404 problem; the body is read through a bounded stream ({@value #MAX_BODY} bytes, 413 beyond)
 * before its signature is checked; a bad signature is a 401 and nothing is stored; bad input a 400. The same signed
 * delivery sent again inside the signature window is taken once, and one lead id is one lead. The answer is the same
 * whatever became of the lead (stored, repeated, replayed, dropped): a partner does not learn who objected.
 */
@RestController
class PartnerLeadWebhook {

    /** One lead is a few kilobytes at most (the consent wording included). */
    static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record Consent(
            @Schema(description = "Whether the person consented to marketing by email", example = "true") Boolean email,
            @Schema(description = "Whether the person consented to marketing by text message", example = "false")
            Boolean sms) {
    }

    record PartnerLead(
            @Schema(description = "Optional: the partner's own id for the lead, letters, digits and . _ : - (up to 100 "
                    + "characters); one id is one lead", example = "lead-2026-000123") @Size(max = 100)
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "a lead id is letters, digits and . _ : -")
            String leadId,
            @Schema(description = "The person's email address (up to 320 characters)",
                    example = "jo.bloggs@example.org") @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "Optional phone number, UK or international (up to 40 characters)",
                    example = "+447700900123") @Size(max = 40) String phone,
            @Schema(description = "Optional full name (up to 200 characters)", example = "Jo Bloggs")
            @Size(max = 200) String fullName,
            @Schema(description = "The form that captured the lead: letters, digits and . _ : - (up to 200 characters)",
                    example = "spring-offer-form") @NotBlank @Size(max = 200)
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}", message = "a form id is letters, digits and . _ : -")
            String formId,
            @Schema(description = "Optional: the consent wording the form showed (up to 4,000 characters)",
                    example = "Yes, I would like news and offers from Dr Alluris Aesthetics by email.")
            @Size(max = 4000) String consentText,
            @Schema(description = "What the person consented to, per channel",
                    requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Valid Consent consent,
            @Schema(description = "When the person filled in the form (ISO-8601 instant)",
                    example = "2026-12-03T10:25:00Z") @NotNull Instant capturedAt) {
    }

    private final Map<String, WebhookSignature> partners = new LinkedHashMap<>();
    private final LeadIntake intake;
    private final BlindIndexer indexer;
    private final Validator validator;
    private final WebhookDeliveries deliveries;

    PartnerLeadWebhook(MarketingProperties properties, LeadIntake intake, BlindIndexer indexer, Validator validator,
            MongoTemplate mongo, Clock clock) {
        properties.partners().forEach((name, partner) -> partners.put(name, new WebhookSignature(partner.secret(), clock)));
        this.intake = intake;
        this.indexer = indexer;
        this.validator = validator;
        this.deliveries = new WebhookDeliveries(mongo, clock);
    }

    @PostMapping("/webhooks/leads/{partner}")
    @Operation(summary = "Deliver a partner's lead", description = "Takes one complete lead from a configured partner, "
            + "signed with its secret in the X-Signature header (t=<unix seconds>,v1=<HMAC-SHA256 of t.body>; older "
            + "than 5 minutes refused), no token; a body over 64 KB is a 413, a bad signature a 401 with nothing "
            + "stored. The same delivery is taken once and one lead id is one lead. A delivery taken is always the same "
            + "202, so the partner never learns that a person is suppressed or restricted (such a lead is dropped).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = PartnerLead.class))))
    ResponseEntity<Map<String, String>> delivery(@PathVariable String partner,
            @RequestHeader(name = WebhookSignature.HEADER, required = false) String header, HttpServletRequest request) {
        WebhookSignature signature = partners.get(partner);
        if (signature == null) {
            throw ProblemException.notFound("lead partner " + (partner.matches("[a-z0-9-]{1,40}") ? partner : "(unnamed)"));
        }
        byte[] body = BoundedBody.read(request, MAX_BODY);
        long signedAt = signature.verify(header, body);
        PartnerLead lead = read(body);
        // malformed contact details are the partner's error (a 400), not a lead without contact
        Normalisation.email(lead.email());
        if (lead.phone() != null && !lead.phone().isBlank()) {
            indexer.normalisePhone(lead.phone());
        }
        String source = "partner:" + partner;
        String id = lead.leadId() != null ? source + ":id:" + lead.leadId() : source + ":sha256:" + digest(body);
        Set<MarketingChannel> consents = EnumSet.noneOf(MarketingChannel.class);
        if (Boolean.TRUE.equals(lead.consent().email())) {
            consents.add(MarketingChannel.EMAIL);
        }
        if (Boolean.TRUE.equals(lead.consent().sms())) {
            consents.add(MarketingChannel.SMS);
        }
        String delivery = WebhookDeliveries.signedKey(source, signedAt, body);
        if (deliveries.firstTime(delivery)) {
            try {
                intake.acceptComplete(id, source, lead.leadId(), lead.formId(), lead.capturedAt(),
                        new LeadIntake.Details(lead.email(), lead.phone(), lead.fullName(), consents, lead.consentText()));
            } catch (RuntimeException e) {
                deliveries.forget(delivery);
                throw e;
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "received"));
    }

    private PartnerLead read(byte[] body) {
        PartnerLead lead;
        try {
            lead = JSON.readValue(body, PartnerLead.class);
        } catch (JacksonException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "the lead is not JSON of the documented shape (capturedAt is an ISO-8601 instant)");
        }
        if (lead == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", "the lead is empty");
        }
        Set<ConstraintViolation<PartnerLead>> violations = validator.validate(lead);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return lead;
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
