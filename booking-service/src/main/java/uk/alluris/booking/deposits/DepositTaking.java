package uk.alluris.booking.deposits;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.alluris.booking.messages.ServiceMessages;
import uk.alluris.booking.processor.PaymentProcessor;
import uk.alluris.booking.processor.ProcessorFailed;

/**
 * A deposit's life with the processor: the intent opened at booking (idempotent per appointment), paid when the
 * processor says so (receipt mailed), refunded when the appointment is cancelled in time (receipt mailed), kept when it
 * is cancelled late or missed — the clinic's cancellation rule. A processor that cannot be reached leaves the deposit
 * where it is; {@link DepositRetries} tries again with the same idempotency key, so nothing is charged or refunded
 * twice.
 */
@Component
class DepositTaking {

    static final String KEPT_LATE = "cancelled less than 48 hours before the appointment: the deposit is kept "
            + "(the clinic's cancellation rule)";
    static final String KEPT_MISSED = "the client did not attend: the deposit is kept (the clinic's cancellation rule)";
    private static final Logger log = LoggerFactory.getLogger(DepositTaking.class);

    private final Deposits deposits;
    private final DepositMoves moves;
    private final PaymentProcessor processor;
    private final ServiceMessages messages;
    private final Clock clock;

    DepositTaking(Deposits deposits, DepositMoves moves, PaymentProcessor processor, ServiceMessages messages,
            Clock clock) {
        this.deposits = deposits;
        this.moves = moves;
        this.processor = processor;
        this.messages = messages;
        this.clock = clock;
    }

    void booked(UUID appointmentId, UUID clientId, long amountPence) {
        try {
            deposits.insert(Deposit.requested(appointmentId, clientId, amountPence, clock.instant()));
        } catch (DuplicateKeyException recorded) {
            // the same booking told twice: the deposit exists
        }
        openIntent(appointmentId);
    }

    /** Asks the processor for the intent (the same one however often asked); leaves REQUESTED when it cannot. */
    void openIntent(UUID appointmentId) {
        Deposit deposit = deposits.findById(appointmentId).orElse(null);
        if (deposit == null || deposit.status() != Deposit.Status.REQUESTED) {
            return;
        }
        try {
            PaymentProcessor.Intent intent = processor.createIntent(appointmentId, deposit.amountPence(),
                    "deposit-" + appointmentId);
            moves.move(appointmentId, Deposit.Status.AWAITING_PAYMENT, "payment intent created", null,
                    new Update().set("intentId", intent.id()).set("clientSecret", intent.clientSecret()));
        } catch (ProcessorFailed e) {
            log.warn("deposit {}: the processor did not open an intent; tried again later", appointmentId);
        }
    }

    /** The processor took the payment. Paid after the appointment was called off: refunded at once. */
    void paid(Deposit deposit, String eventId) {
        if (moves.move(deposit.appointmentId(), Deposit.Status.PAID, "the processor took the payment", eventId)) {
            messages.depositPaid(deposit.appointmentId(), deposit.clientId(), deposit.amountPence());
        } else if (moves.move(deposit.appointmentId(), Deposit.Status.REFUND_DUE,
                "paid after the appointment was called off: refunded", eventId)) {
            refund(deposit.appointmentId());
        }
    }

    void cancelled(UUID appointmentId, boolean late) {
        if (late) {
            keepOrVoid(appointmentId, KEPT_LATE);
        } else if (moves.move(appointmentId, Deposit.Status.REFUND_DUE,
                "cancelled 48 hours or more before the appointment: refunded", null)) {
            refund(appointmentId);
        } else {
            moves.move(appointmentId, Deposit.Status.VOID, "cancelled before the deposit was paid", null);
        }
    }

    void missed(UUID appointmentId) {
        keepOrVoid(appointmentId, KEPT_MISSED);
    }

    /** Refunds a REFUND_DUE deposit through the processor (the same refund however often asked). */
    void refund(UUID appointmentId) {
        Deposit deposit = deposits.findById(appointmentId).orElse(null);
        if (deposit == null || deposit.status() != Deposit.Status.REFUND_DUE) {
            return;
        }
        try {
            PaymentProcessor.Refund refund = processor.refund(deposit.intentId(), "refund-" + appointmentId);
            if (refund.succeeded()) {
                refunded(deposit, "refund " + refund.id() + " succeeded", null);
            } else {
                log.info("deposit {}: refund {} is {}; the processor's event will complete it", appointmentId,
                        refund.id(), refund.status());
            }
        } catch (ProcessorFailed e) {
            log.warn("deposit {}: the processor did not refund; tried again later", appointmentId);
        }
    }

    /** The processor says the money went back; the receipt goes once, whoever said it first. */
    void refunded(Deposit deposit, String reason, String eventId) {
        if (moves.move(deposit.appointmentId(), Deposit.Status.REFUNDED, reason, eventId)) {
            messages.refundIssued(deposit.appointmentId(), deposit.clientId(), deposit.amountPence());
        }
    }

    private void keepOrVoid(UUID appointmentId, String rule) {
        if (!moves.move(appointmentId, Deposit.Status.KEPT, rule, null)) {
            moves.move(appointmentId, Deposit.Status.VOID, "called off before the deposit was paid", null);
        }
    }
}
