package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An appointment as the API shows it to whoever may read it. */
record AppointmentView(UUID id, UUID clientId, UUID treatmentId, String treatment, UUID practitionerId,
        String practitioner, Instant start, Instant end, String status, boolean lateCancellation, String notes,
        Instant bookedAt, Instant anonymisedAt, List<Appointment.StatusChange> history) {

    static AppointmentView of(Appointment a) {
        return new AppointmentView(a.id(), a.clientId(), a.treatmentId(), a.treatment(), a.practitionerId(),
                a.practitioner(), a.start(), a.end(), a.status().name(), a.lateCancellation(), a.notes(), a.bookedAt(),
                a.anonymisedAt(), a.history());
    }
}
