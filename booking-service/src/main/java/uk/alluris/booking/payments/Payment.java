package uk.alluris.booking.payments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A payment's status and the processor's reference — never a card number. Kept for six years as a financial record,
 * under the client's pseudonymous subject id, even when the client's profile is erased.
 */
@Document("payments")
public class Payment {

    public enum Status {
        PENDING, PAID, REFUNDED, FAILED
    }

    @Id
    UUID id;
    UUID appointmentId;
    @Indexed
    UUID clientId;
    long amountPence;
    Status status;
    String processorReference;
    Instant recordedAt;

    static Payment record(UUID appointmentId, UUID clientId, long amountPence, Status status, String processorReference,
            Instant now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.appointmentId = appointmentId;
        payment.clientId = clientId;
        payment.amountPence = amountPence;
        payment.status = status;
        payment.processorReference = processorReference;
        payment.recordedAt = now;
        return payment;
    }

    /** The processor's word on the payment (a redelivered notification sets the same status again). */
    void statusFromProcessor(Status newStatus) {
        status = newStatus;
    }

    public UUID id() {
        return id;
    }

    public UUID appointmentId() {
        return appointmentId;
    }

    public UUID clientId() {
        return clientId;
    }

    public long amountPence() {
        return amountPence;
    }

    public Status status() {
        return status;
    }

    public String processorReference() {
        return processorReference;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
