package uk.alluris.booking.deposits;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An appointment's deposit: the processor's payment intent, the amount and every change of status with its reason.
 * No card data: the client pays on the processor's checkout with the intent's client secret. Kept six years as a
 * financial record under the client's subject id, also after the client is erased.
 */
@Document("deposits")
class Deposit {

    /**
     * Where a deposit stands. It only moves along the arrows of {@link #from()} — nothing leads back to an earlier
     * stage — so a late, repeated or out-of-order processor event cannot un-pay or un-refund a deposit.
     */
    enum Status {
        /** Recorded at booking; the processor has not answered yet. */
        REQUESTED,
        /** The intent exists; the client has not paid. */
        AWAITING_PAYMENT,
        PAID,
        /** Cancelled inside the cancellation window, or missed: the clinic keeps it. */
        KEPT,
        /** Cancelled in time (or paid after the appointment was called off): to be refunded. */
        REFUND_DUE,
        REFUNDED,
        /** Called off before anything was paid. */
        VOID;

        /** The statuses this one may be reached from. */
        Set<Status> from() {
            return switch (this) {
                case REQUESTED -> Set.of();
                case AWAITING_PAYMENT -> Set.of(REQUESTED);
                case PAID -> Set.of(REQUESTED, AWAITING_PAYMENT);
                case KEPT -> Set.of(PAID);
                case REFUND_DUE -> Set.of(PAID, VOID);
                case REFUNDED -> Set.of(REFUND_DUE);
                case VOID -> Set.of(REQUESTED, AWAITING_PAYMENT);
            };
        }
    }

    /** One step of the deposit's history: the status reached, why, and the processor event that said so. */
    record Change(
            @Schema(description = "The status reached: REQUESTED, AWAITING_PAYMENT, PAID, KEPT, REFUND_DUE, REFUNDED "
                    + "or VOID", example = "PAID") Status status,
            @Schema(description = "Why it moved", example = "the processor took the payment") String reason,
            @Schema(description = "The processor event that said so; null when the clinic moved it",
                    example = "evt_3QxExample0002") String processorEvent,
            @Schema(description = "When (UTC, ISO-8601)", example = "2026-11-20T09:20:00Z") Instant at) {
    }

    @Id
    UUID appointmentId;
    @Indexed
    UUID clientId;
    long amountPence;
    @Indexed
    String intentId;
    String clientSecret;
    String refundId;
    Status status;
    Instant recordedAt;
    List<Change> history = new ArrayList<>();

    static Deposit requested(UUID appointmentId, UUID clientId, long amountPence, Instant now) {
        Deposit deposit = new Deposit();
        deposit.appointmentId = appointmentId;
        deposit.clientId = clientId;
        deposit.amountPence = amountPence;
        deposit.status = Status.REQUESTED;
        deposit.recordedAt = now;
        deposit.history.add(new Change(Status.REQUESTED, "booked; the treatment takes a deposit", null, now));
        return deposit;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    UUID clientId() {
        return clientId;
    }

    long amountPence() {
        return amountPence;
    }

    String intentId() {
        return intentId;
    }

    String clientSecret() {
        return clientSecret;
    }

    Status status() {
        return status;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    List<Change> history() {
        return history == null ? List.of() : List.copyOf(history);
    }
}
