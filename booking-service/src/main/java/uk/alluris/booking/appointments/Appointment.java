package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A booked treatment. After an erasure a past appointment stays, without anything that identifies the client. */
@Document("appointments")
class Appointment {

    @Id
    UUID id;
    @Indexed
    UUID clientId;
    String treatment;
    String practitioner;
    Instant start;
    String notes;
    Instant bookedAt;
    Instant anonymisedAt;

    static Appointment book(UUID clientId, String treatment, String practitioner, Instant start, String notes, Instant now) {
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.clientId = clientId;
        appointment.treatment = treatment;
        appointment.practitioner = practitioner;
        appointment.start = start;
        appointment.notes = notes;
        appointment.bookedAt = now;
        return appointment;
    }

    /** Keeps the treatment, practitioner and time for the clinic's books; drops who it was and what was said. */
    void anonymise(Instant now) {
        clientId = null;
        notes = null;
        anonymisedAt = now;
    }

    boolean isFuture(Instant now) {
        return start.isAfter(now);
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    String treatment() {
        return treatment;
    }

    String practitioner() {
        return practitioner;
    }

    Instant start() {
        return start;
    }

    String notes() {
        return notes;
    }

    Instant bookedAt() {
        return bookedAt;
    }

    Instant anonymisedAt() {
        return anonymisedAt;
    }
}
