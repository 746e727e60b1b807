package uk.alluris.booking.payments;

import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.webhook.WebhookSignature;

/**
 * The payment processor tells the clinic a payment's new status. No user token: the processor's signature over the
 * raw body (checked before the body is even parsed) is what lets it in; a bad or replayed one stores nothing.
 */
@RestController
class PaymentWebhook {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Payments payments;
    private final WebhookSignature signature;

    PaymentWebhook(Payments payments, @Value("${alluris.booking.payment-webhook-secret}") String secret, Clock clock) {
        this.payments = payments;
        this.signature = new WebhookSignature(secret, clock);
    }

    @PostMapping("/webhooks/payments")
    ResponseEntity<Map<String, Object>> statusChanged(@RequestHeader(name = WebhookSignature.HEADER, required = false)
            String header, @RequestBody byte[] body) {
        signature.verify(header, body);
        JsonNode event = JSON.readTree(body);
        String reference = event.path("processorReference").asString("");
        String status = event.path("status").asString("");
        if (reference.isBlank() || !status.matches("PENDING|PAID|REFUNDED|FAILED")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                    "processorReference and a status of PENDING, PAID, REFUNDED or FAILED are required");
        }
        CardNumbers.refuse("processorReference", reference);
        Payment payment = payments.findFirstByProcessorReference(reference)
                .orElseThrow(() -> ProblemException.notFound("payment with that processor reference"));
        payment.statusFromProcessor(Payment.Status.valueOf(status));
        payments.save(payment);
        return ResponseEntity.ok(Map.of("id", payment.id(), "status", payment.status()));
    }
}
