package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appointment as the API shows it to whoever may read it. {@code cancellableFreeUntil}: for a booked appointment,
 * the last moment a cancellation keeps the deposit (the clinic's cancellation window before the start), so a page can
 * warn before cancelling without copying the rule; null once it is no longer booked.
 */
record AppointmentView(UUID id, UUID clientId, UUID treatmentId, String treatment, UUID practitionerId,
        String practitioner, Instant start, Instant end, String status, boolean lateCancellation,
        Instant cancellableFreeUntil, String notes, Instant bookedAt, Instant anonymisedAt,
        List<Appointment.StatusChange> history) {

    static AppointmentView of(Appointment a, BookingRules rules) {
        Instant freeUntil = a.status() == Appointment.Status.BOOKED && a.start() != null
                ? a.start().minus(rules.cancellationWindow()) : null;
        return new AppointmentView(a.id(), a.clientId(), a.treatmentId(), a.treatment(), a.practitionerId(),
                a.practitioner(), a.start(), a.end(), a.status().name(), a.lateCancellation(), freeUntil, a.notes(),
                a.bookedAt(), a.anonymisedAt(), a.history());
    }
}
