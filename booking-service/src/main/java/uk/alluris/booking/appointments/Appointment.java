package uk.alluris.booking.appointments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A booked treatment. After an erasure a past appointment stays, without anything that identifies the client. */
@Document("appointments")
public class Appointment {

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
    public void anonymise(Instant now) {
        clientId = null;
        notes = null;
        anonymisedAt = now;
    }

    public boolean isFuture(Instant now) {
        return start.isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public String treatment() {
        return treatment;
    }

    public String practitioner() {
        return practitioner;
    }

    public Instant start() {
        return start;
    }

    public String notes() {
        return notes;
    }

    public Instant bookedAt() {
        return bookedAt;
    }

    public Instant anonymisedAt() {
        return anonymisedAt;
    }
}
