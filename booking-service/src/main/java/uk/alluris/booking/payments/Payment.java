package uk.alluris.booking.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A payment's status and the processor's reference — never a card number. Kept for six years as a financial record,
 * under the client's pseudonymous subject id, even when the client's profile is erased.
 */
@Document("payments")
class Payment {

    /**
     * Where a payment stands, in the order a payment moves: {@code PENDING < FAILED < PAID < REFUNDED}. The processor's
     * notifications may arrive late, out of order or replayed, so a status only ever moves forward in this order: a
     * failed attempt may still be followed by a successful one, but nothing takes a paid payment back to failed or
     * pending, nor a refunded one back to paid.
     */
    enum Status {
        PENDING, FAILED, PAID, REFUNDED;

        /** Whether moving from this status to {@code next} goes forward. */
        boolean movesForwardTo(Status next) {
            return next.ordinal() > ordinal();
        }

        /** The statuses from which {@code next} is a step forward. */
        static List<Status> before(Status next) {
            return Arrays.stream(values()).filter(s -> s.movesForwardTo(next)).toList();
        }
    }

    /** One notification from the processor: applied, or kept with the reason it was not. */
    record ProcessorNotice(
            @Schema(description = "The status the processor reported", example = "PAID") Status status,
            @Schema(description = "The processor's event id; null when it sent none", example = "evt_3QxExample0001")
            String eventId,
            @Schema(description = "Whether it changed the payment's status", example = "true") boolean applied,
            @Schema(description = "Why it was not applied; null when it was",
                    example = "the payment is already PAID") String reason,
            @Schema(description = "When it arrived (UTC, ISO-8601)", example = "2026-12-03T11:05:30Z")
            Instant receivedAt) {
    }

    /** A status recorded by staff at the desk: who and when (the processor's own word is a {@link ProcessorNotice}). */
    record StaffMark(
            @Schema(description = "The status staff recorded", example = "REFUNDED") Status status,
            @Schema(description = "The username of the member of staff", example = "reception.desk") String by,
            @Schema(description = "When (UTC, ISO-8601)", example = "2026-12-05T15:40:00Z") Instant at) {
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
    List<ProcessorNotice> processorNotices = new ArrayList<>();
    List<StaffMark> staffMarks = new ArrayList<>();

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

    UUID id() {
        return id;
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

    Status status() {
        return status;
    }

    String processorReference() {
        return processorReference;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    List<StaffMark> staffMarks() {
        return staffMarks == null ? List.of() : List.copyOf(staffMarks);
    }

    List<ProcessorNotice> processorNotices() {
        return processorNotices == null ? List.of() : List.copyOf(processorNotices);
    }
}
