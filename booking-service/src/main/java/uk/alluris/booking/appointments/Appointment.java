package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A booked treatment: who, what (the catalogue's treatment, its name kept as given), with whom, from when to when,
 * where it stands and every change of status. After an erasure a past appointment stays, without anything that
 * identifies the client; its history never held the client's identity (a client's own change is recorded as by
 * "client").
 */
@Document("appointments")
class Appointment {

    enum Status {
        BOOKED, COMPLETED, CANCELLED, NO_SHOW
    }

    /** One change of status: who made it, when, from what to what (and why, e.g. "late", "rescheduled from ..."). */
    record StatusChange(@Schema(description = "The status before; null at creation", example = "BOOKED") Status from,
            @Schema(description = "The status after", example = "CANCELLED") Status to,
            @Schema(description = "When it changed (UTC, ISO-8601)", example = "2026-11-28T16:05:00Z") Instant at,
            @Schema(description = "Who: a staff username, \"client\" or \"system\"", example = "client") String by,
            @Schema(description = "Why, where there is more to say (e.g. late)", example = "late") String note) {
    }

    @Id
    UUID id;
    @Indexed
    UUID clientId;
    UUID treatmentId;
    String treatment;
    UUID practitionerId;
    String practitioner;
    @Indexed
    Instant start;
    Instant end;
    String notes;
    Instant bookedAt;
    Instant anonymisedAt;
    Status status;
    boolean lateCancellation;
    List<StatusChange> history = new ArrayList<>();
    /**
     * The changes whose reactions (deposit, reminders, aftercare) have not yet been seen through, saved in the same
     * document write as the change itself, so a process that dies before reacting leaves them here for
     * {@link AppointmentReactions} to replay (docs/bookings.md, Messages).
     */
    List<PendingReaction> pendingReactions = new ArrayList<>();

    /** A slot taken from the diary. */
    static Appointment book(UUID clientId, UUID treatmentId, String treatment, UUID practitionerId, String practitioner,
            Instant start, Instant end, String notes, Instant now, String by) {
        Appointment appointment = record(clientId, treatment, practitioner, start, notes, now);
        appointment.treatmentId = treatmentId;
        appointment.practitionerId = practitionerId;
        appointment.end = end;
        appointment.status = Status.BOOKED;
        appointment.history.add(new StatusChange(null, Status.BOOKED, now, by, null));
        return appointment;
    }

    /**
     * A visit that already happened, recorded by staff in free text (e.g. history from before the platform): it takes
     * no slot, since its time has passed.
     */
    static Appointment recordPast(UUID clientId, String treatment, String practitioner, Instant start, String notes,
            Instant now, String by) {
        Appointment appointment = record(clientId, treatment, practitioner, start, notes, now);
        appointment.status = Status.COMPLETED;
        appointment.history.add(new StatusChange(null, Status.COMPLETED, now, by, "recorded after the visit"));
        return appointment;
    }

    private static Appointment record(UUID clientId, String treatment, String practitioner, Instant start, String notes,
            Instant now) {
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

    void move(UUID practitionerId, String practitioner, Instant start, Instant end, Instant now, String by) {
        String note = "rescheduled from " + this.start + (practitionerId.equals(this.practitionerId) ? "" : " with "
                + this.practitioner);
        this.practitionerId = practitionerId;
        this.practitioner = practitioner;
        this.start = start;
        this.end = end;
        history.add(new StatusChange(status, status, now, by, note));
    }

    void changeStatus(Status next, Instant now, String by, String note) {
        history.add(new StatusChange(status, next, now, by, note));
        status = next;
    }

    void cancel(boolean late, Instant now, String by) {
        lateCancellation = late;
        changeStatus(Status.CANCELLED, now, by, late ? "late: inside the cancellation window" : null);
    }

    /** Records that this change's reactions are due; saved with the change, cleared once they have run. */
    void awaitReactions(AppointmentEvents event, Instant now) {
        if (pendingReactions == null) {
            pendingReactions = new ArrayList<>();
        }
        pendingReactions.add(new PendingReaction(UUID.randomUUID().toString(), now, event));
    }

    /**
     * Keeps the treatment, practitioner, time and history for the clinic's books; drops who it was, what was said and
     * any reaction still pending (the erased person's deposits and messages go with their own erasure).
     */
    void anonymise(Instant now) {
        clientId = null;
        notes = null;
        pendingReactions = new ArrayList<>();
        anonymisedAt = now;
    }

    boolean isFuture(Instant now) {
        return start.isAfter(now);
    }

    /** Whether this appointment holds its practitioner's time: booked and taken from the diary. */
    boolean holdsSlot() {
        return status == Status.BOOKED && practitionerId != null && end != null;
    }

    UUID id() {
        return id;
    }

    UUID clientId() {
        return clientId;
    }

    UUID treatmentId() {
        return treatmentId;
    }

    String treatment() {
        return treatment;
    }

    UUID practitionerId() {
        return practitionerId;
    }

    String practitioner() {
        return practitioner;
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return end;
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

    Status status() {
        // appointments stored before statuses existed were bookings
        return status == null ? Status.BOOKED : status;
    }

    boolean lateCancellation() {
        return lateCancellation;
    }

    List<PendingReaction> pendingReactions() {
        return pendingReactions == null ? List.of() : List.copyOf(pendingReactions);
    }

    List<StatusChange> history() {
        return history == null ? List.of() : List.copyOf(history);
    }
}
