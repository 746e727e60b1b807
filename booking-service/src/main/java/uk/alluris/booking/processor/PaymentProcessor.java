package uk.alluris.booking.processor;

import java.util.UUID;

/**
 * What the clinic asks of a card payment processor. The processor holds every card detail: the platform only ever
 * sees an intent's id, its client secret (which the client's browser hands to the processor's checkout) and statuses.
 * Each call carries an idempotency key, so a call repeated after a timeout or a crash has no second effect.
 */
public interface PaymentProcessor {

    /** Asks for {@code amountPence} in pounds sterling for an appointment; the same key returns the same intent. */
    Intent createIntent(UUID appointmentId, long amountPence, String idempotencyKey);

    /** The intent as the processor has it now. */
    Intent retrieve(String intentId);

    /** Gives the whole amount of a paid intent back; the same key returns the same refund. */
    Refund refund(String intentId, String idempotencyKey);

    /** A payment intent: {@code status} in the processor's own words (e.g. requires_payment_method, succeeded). */
    record Intent(String id, String clientSecret, long amountPence, String currency, String status) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    /** A refund: {@code status} succeeded, pending or failed. */
    record Refund(String id, String intentId, long amountPence, String status) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }
}
