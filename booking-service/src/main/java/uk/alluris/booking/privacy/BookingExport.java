package uk.alluris.booking.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What booking puts in a person's export (access and portability), one record type per category: plain values with
 * readable names, as the person receives them. Never the stored documents themselves, so that nothing internal
 * (blind indexes, outbox messages) can slip into the file.
 */
public final class BookingExport {

    private BookingExport() {
    }

    /** The {@code contact-profile} category. */
    public record ContactProfile(UUID clientId, String fullName, String email, String phone, LocalDate dateOfBirth,
            boolean promotionalContentInMessages, boolean processingRestricted, Instant registeredAt) {
    }

    /** The {@code appointments} category: every appointment still linked to the person, past and upcoming. */
    public record AppointmentRecord(UUID appointmentId, String treatment, String practitioner, Instant start,
            String when, String notes, Instant bookedAt) {
    }

    /** The {@code payments} category: amounts, dates and status; booking never holds card numbers. */
    public record PaymentRecord(UUID paymentId, UUID appointmentId, String amount, String currency, long amountPence,
            String status, String processorReference, Instant recordedAt) {
    }
}
