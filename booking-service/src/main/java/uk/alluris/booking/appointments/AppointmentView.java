package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appointment as the API shows it to whoever may read it. {@code cancellableFreeUntil}: for a booked appointment,
 * the last moment a cancellation keeps the deposit (the clinic's cancellation window before the start), so a page can
 * warn before cancelling without copying the rule; null once it is no longer booked.
 */
record AppointmentView(
        @Schema(description = "The appointment's id", example = "5c9e1a3b-7d2f-4b6e-8a0c-3e5f7a9b1d24") UUID id,
        @Schema(description = "The client's id; null once the appointment is kept without identity after an erasure",
                example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34") UUID clientId,
        @Schema(description = "The catalogue's treatment; null for a past visit recorded in free text",
                example = "0b8e5d2a-6c1f-4e3b-a9d7-2f4c6e8a1b35") UUID treatmentId,
        @Schema(description = "The treatment's name as it was when booked", example = "Anti-wrinkle injections, "
                + "three areas") String treatment,
        @Schema(description = "The practitioner's id; null for a past visit recorded in free text",
                example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17") UUID practitionerId,
        @Schema(description = "The practitioner's name as it was when booked", example = "Dr Sam Example")
        String practitioner,
        @Schema(description = "When it starts (UTC, ISO-8601)", example = "2026-12-03T10:30:00Z") Instant start,
        @Schema(description = "When it ends (UTC, ISO-8601)", example = "2026-12-03T11:00:00Z") Instant end,
        @Schema(description = "Where it stands: BOOKED, COMPLETED, CANCELLED or NO_SHOW", example = "BOOKED")
        String status,
        @Schema(description = "Whether it was cancelled inside the cancellation window, so the deposit was kept",
                example = "false") boolean lateCancellation,
        @Schema(description = "For a booked appointment, the last moment a cancellation keeps the deposit; null "
                + "once it is no longer booked", example = "2026-12-01T10:30:00Z") Instant cancellableFreeUntil,
        @Schema(description = "Notes for the appointment, at most 4000 characters",
                example = "First visit; prefers the ground-floor room") String notes,
        @Schema(description = "When it was booked or recorded", example = "2026-11-20T09:15:00Z") Instant bookedAt,
        @Schema(description = "When its client's identity was removed after an erasure; null while it has one",
                example = "2027-01-05T02:00:00Z") Instant anonymisedAt,
        @Schema(description = "Every change of status, oldest first",
                example = "[{\"to\": \"BOOKED\", \"at\": \"2026-11-20T09:15:00Z\", \"by\": \"client\"}]")
        List<Appointment.StatusChange> history) {

    static AppointmentView of(Appointment a, BookingRules rules) {
        Instant freeUntil = a.status() == Appointment.Status.BOOKED && a.start() != null
                ? a.start().minus(rules.cancellationWindow()) : null;
        return new AppointmentView(a.id(), a.clientId(), a.treatmentId(), a.treatment(), a.practitionerId(),
                a.practitioner(), a.start(), a.end(), a.status().name(), a.lateCancellation(), freeUntil, a.notes(),
                a.bookedAt(), a.anonymisedAt(), a.history());
    }
}
