package uk.alluris.booking.deposits;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.webhook.BoundedBody;
import uk.alluris.kit.webhook.WebhookDeliveries;
import uk.alluris.kit.webhook.WebhookSignature;

/**
 * The processor's events, as Stripe sends them: {@code POST /webhooks/payments} with a {@code Stripe-Signature}
 * header (the payments webhook without it is the older status notification). The same order as every webhook here:
 * the body read through a bounded stream, the signature checked (HMAC-SHA256 of "t.body" under the shared webhook
 * secret, five minutes' tolerance; 401 and nothing stored otherwise), then parsed (400 when it is not an event). Each
 * event id is taken once, so a replay or Stripe's own redelivery changes nothing twice. Event types that do not
 * concern deposits are acknowledged and ignored, as Stripe expects.
 */
@RestController
class ProcessorEvents {

    static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Deposits deposits;
    private final DepositTaking taking;
    private final WebhookSignature signature;
    private final WebhookDeliveries deliveries;

    ProcessorEvents(Deposits deposits, DepositTaking taking, MongoTemplate mongo,
            @Value("${alluris.booking.payment-webhook-secret}") String secret, Clock clock) {
        this.deposits = deposits;
        this.taking = taking;
        this.signature = new WebhookSignature(secret, clock, WebhookSignature.STRIPE_HEADER);
        this.deliveries = new WebhookDeliveries(mongo, clock);
    }

    @Operation(summary = "Receive a payment processor notification", description = "For the payment processor "
            + "only, without a user token: a Stripe event (Stripe-Signature header, deposits) or a status notification "
            + "(X-Signature header, payments), each signed with HMAC-SHA256 over the body (401 and nothing stored "
            + "when bad or outside a five-minute window). Bounded bodies (413), a per-address rate limit at the "
            + "gateway, and each event taken once, so a replay changes nothing.")
    @PostMapping(path = "/webhooks/payments", headers = WebhookSignature.STRIPE_HEADER)
    Map<String, Object> received(@RequestHeader(WebhookSignature.STRIPE_HEADER) String header,
            HttpServletRequest request) {
        byte[] body = BoundedBody.read(request, MAX_BODY);
        signature.verify(header, body);
        Event event = Event.parse(body);
        String key = "stripe:event:" + event.id();
        if (!deliveries.firstTime(key)) {
            return Map.of("received", true, "applied", false, "reason", "this event was already received");
        }
        try {
            return Map.of("received", true, "applied", apply(event));
        } catch (RuntimeException e) {
            deliveries.forget(key);
            throw e;
        }
    }

    private boolean apply(Event event) {
        Optional<Deposit> deposit = event.intentId().flatMap(deposits::findByIntentId);
        if (deposit.isEmpty()) {
            return false;
        }
        switch (event.type()) {
            case "payment_intent.succeeded" -> taking.paid(deposit.get(), event.id());
            case "charge.refunded" -> taking.refunded(deposit.get(), "the processor refunded the payment", event.id());
            case "refund.created", "refund.updated" -> {
                if (!"succeeded".equals(event.object().path("status").asString(""))) {
                    return false;
                }
                taking.refunded(deposit.get(), "the processor's refund succeeded", event.id());
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A Stripe event: {@code {"id": "evt_…", "type": "…", "data": {"object": {…}}}}. */
    record Event(String id, String type, JsonNode object) {

        /** The payment intent the event is about: the object itself, or the one a charge or refund belongs to. */
        Optional<String> intentId() {
            String id = type.startsWith("payment_intent.") ? object.path("id").asString("")
                    : object.path("payment_intent").asString("");
            return id.isBlank() ? Optional.empty() : Optional.of(id);
        }

        static Event parse(byte[] body) {
            JsonNode event;
            try {
                event = JSON.readTree(body);
            } catch (JacksonException e) {
                throw invalid("the event is not JSON");
            }
            if (event == null || !event.isObject() || !event.path("data").path("object").isObject()) {
                throw invalid("an event is a JSON object with data.object");
            }
            String id = event.path("id").asString("");
            String type = event.path("type").asString("");
            if (!id.matches("[A-Za-z0-9_]{1,100}") || !type.matches("[a-z_.]{1,100}")) {
                throw invalid("id (1 to 100 letters, digits and _) and type (e.g. payment_intent.succeeded) are required");
            }
            return new Event(id, type, event.path("data").path("object"));
        }

        private static ProblemException invalid(String detail) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        }
    }
}
