package uk.alluris.booking.payments;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.booking.cards.CardNumbers;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.webhook.BoundedBody;
import uk.alluris.kit.webhook.WebhookDeliveries;
import uk.alluris.kit.webhook.WebhookSignature;

/**
 * The payment processor tells the clinic a payment's new status: {@code {"processorReference", "status", "eventId"?}}.
 * No user token: in this order, the body is read through a bounded stream ({@value #MAX_BODY} bytes, 413 beyond), the
 * processor's signature over it is checked (401 and nothing stored when bad or outside the window), then it is parsed
 * (400 problem when it is not JSON of that shape). Each delivery is taken once — by the processor's event id, else by
 * the signed timestamp and body — so a replay has no second effect, and a status never moves backwards.
 */
@RestController
class PaymentWebhook {

    /** A notification is a few hundred bytes; nothing legitimate comes near this. */
    static final int MAX_BODY = 16 * 1024;
    private static final String SOURCE = "payments";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProcessorNotifications notifications;
    private final WebhookSignature signature;
    private final WebhookDeliveries deliveries;

    PaymentWebhook(ProcessorNotifications notifications, MongoTemplate mongo,
            @Value("${alluris.booking.payment-webhook-secret}") String secret, Clock clock) {
        this.notifications = notifications;
        this.signature = new WebhookSignature(secret, clock);
        this.deliveries = new WebhookDeliveries(mongo, clock);
    }

    @Operation(summary = "Receive a payment processor notification", description = "For the payment processor "
            + "only, without a user token: a Stripe event (Stripe-Signature header, deposits) or a status notification "
            + "(X-Signature header, payments), each signed with HMAC-SHA256 over the body (401 and nothing stored "
            + "when bad or outside a five-minute window). Bounded bodies (413), a per-address rate limit at the "
            + "gateway, and each event taken once, so a replay changes nothing.")
    @PostMapping("/webhooks/payments")
    ResponseEntity<Map<String, Object>> statusChanged(@RequestHeader(name = WebhookSignature.HEADER, required = false)
            String header, HttpServletRequest request) {
        byte[] body = BoundedBody.read(request, MAX_BODY);
        long signedAt = signature.verify(header, body);
        Notification notification = Notification.parse(body);
        String key = notification.eventId() != null ? SOURCE + ":event:" + notification.eventId()
                : WebhookDeliveries.signedKey(SOURCE, signedAt, body);
        if (!deliveries.firstTime(key)) {
            return ResponseEntity.ok(Map.of("applied", false, "reason", "this notification was already received"));
        }
        ProcessorNotifications.Outcome outcome;
        try {
            outcome = notifications.statusChanged(notification.processorReference(), notification.status(),
                    notification.eventId());
        } catch (RuntimeException e) {
            deliveries.forget(key);
            throw e;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", outcome.payment().id());
        answer.put("status", outcome.payment().status());
        answer.put("applied", outcome.applied());
        if (outcome.reason() != null) {
            answer.put("reason", outcome.reason());
        }
        return ResponseEntity.ok(answer);
    }

    /** The notification as the processor sends it, checked for shape. */
    record Notification(String processorReference, Payment.Status status, String eventId) {

        static Notification parse(byte[] body) {
            JsonNode event;
            try {
                event = JSON.readTree(body);
            } catch (JacksonException e) {
                throw invalid("the notification is not JSON");
            }
            if (event == null || !event.isObject()) {
                throw invalid("the notification is not a JSON object");
            }
            String reference = event.path("processorReference").asString("");
            String status = event.path("status").asString("");
            String eventId = event.path("eventId").asString("");
            if (reference.isBlank() || reference.length() > 100 || !status.matches("PENDING|PAID|REFUNDED|FAILED")) {
                throw invalid("processorReference (1 to 100 characters) and a status of PENDING, PAID, REFUNDED or "
                        + "FAILED are required");
            }
            if (!eventId.isEmpty() && !eventId.matches("[A-Za-z0-9_.:-]{1,100}")) {
                throw invalid("eventId, when given, is 1 to 100 letters, digits and _ . : -");
            }
            CardNumbers.refuse("processorReference", reference);
            return new Notification(reference, Payment.Status.valueOf(status), eventId.isEmpty() ? null : eventId);
        }

        private static ProblemException invalid(String detail) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        }
    }
}
