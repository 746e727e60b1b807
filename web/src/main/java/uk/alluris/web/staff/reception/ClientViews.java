package uk.alluris.web.staff.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Booking's answers, as far as reception's pages read them. */
final class ClientViews {

    private ClientViews() {
    }

    record Found(UUID id, String fullName, String email, String phone, LocalDate dateOfBirth, boolean restricted) {
    }

    record Client(UUID id, String fullName, String email, String phone, LocalDate dateOfBirth,
            boolean promotionalContent, boolean restricted, Instant registeredAt) {
    }

    record Appointment(UUID id, String treatment, String practitioner, Instant start, String notes, Instant bookedAt) {
    }

    record Payment(UUID id, UUID appointmentId, long amountPence, String status, Instant recordedAt) {
    }

    /** What reception types to register someone; booking validates it and answers what is wrong. */
    record NewClient(String fullName, String email, String phone, LocalDate dateOfBirth, Boolean promotionalContent) {
    }
}
