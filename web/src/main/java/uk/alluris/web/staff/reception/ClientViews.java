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
            boolean promotionalContent, boolean restricted, boolean objected, Instant registeredAt) {
    }

    /** Reception's correction of a client's details; booking applies the rectification rules and audits it. */
    record Correction(String fullName, String email, String phone, LocalDate dateOfBirth) {
    }

    /** A payment's new status, recorded by staff; booking moves a status only forward. */
    record NewStatus(String status) {
    }

    /** {@code cancellableFreeUntil}: booking's own answer to when cancelling stops keeping the deposit. */
    record Appointment(UUID id, UUID treatmentId, String treatment, String practitioner, Instant start, String status,
            boolean lateCancellation, Instant cancellableFreeUntil, String notes, Instant bookedAt) {

        /** Booked and still ahead: reception may move or cancel it (public: the page calls it). */
        public boolean upcoming(Instant now) {
            return "BOOKED".equals(status) && treatmentId != null && start.isAfter(now);
        }

        /** Whether cancelling now is late by booking's rule, so the deposit is kept (public: the page calls it). */
        public boolean lateToCancel(Instant now) {
            return cancellableFreeUntil != null && now.isAfter(cancellableFreeUntil);
        }
    }

    record Treatment(UUID id, String name, int durationMinutes, long depositPence, boolean active) {
    }

    record Practitioner(UUID id, String name) {
    }

    /** A free slot from booking's availability: its start and the practitioner it is with. */
    record Slot(Instant start, Instant end, UUID practitionerId) {
    }

    /** A booking from a chosen slot; booking checks who may be treated, restriction and that the slot is free. */
    record NewAppointment(UUID clientId, UUID treatmentId, UUID practitionerId, String start) {
    }

    record Move(String start, UUID practitionerId) {
    }

    record Payment(UUID id, UUID appointmentId, long amountPence, String status, Instant recordedAt) {

        /** The statuses booking accepts next: only forward (public: the page offers them). */
        public java.util.List<String> next() {
            java.util.List<String> order = java.util.List.of("PENDING", "FAILED", "PAID", "REFUNDED");
            int at = order.indexOf(status);
            return at < 0 ? java.util.List.of() : order.subList(at + 1, order.size());
        }
    }

    /** What reception types to register someone; booking validates it and answers what is wrong. */
    record NewClient(String fullName, String email, String phone, LocalDate dateOfBirth, Boolean promotionalContent) {
    }
}
