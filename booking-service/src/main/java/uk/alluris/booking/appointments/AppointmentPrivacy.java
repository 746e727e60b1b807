package uk.alluris.booking.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.ThirdPartyRedaction;

/**
 * What appointments answer to a privacy request (ARCHITECTURE.md, booking): on erasure future appointments go and past
 * ones stay for the clinic's books without anything that identifies the client; an export holds every appointment
 * still linked to the person, with other people's contact details in the notes redacted.
 */
@Component
public class AppointmentPrivacy {

    static final String FUTURE_APPOINTMENTS = "future-appointments";
    static final String PAST_APPOINTMENTS = "past-appointments-identity";
    static final String APPOINTMENTS = "appointments";

    /** The {@code appointments} category of an export: past and upcoming. */
    record AppointmentRecord(UUID appointmentId, String treatment, String practitioner, Instant start, Instant end,
            String when, String status, String notes, Instant bookedAt, List<Appointment.StatusChange> history) {
    }

    private final Appointments appointments;
    private final SlotClaims claims;
    private final Clock clock;
    private final PrivacyEffects effects;

    AppointmentPrivacy(Appointments appointments, SlotClaims claims, Clock clock, PrivacyEffects effects) {
        this.effects = effects;
        this.appointments = appointments;
        this.claims = claims;
        this.clock = clock;
    }

    /** When the client's latest appointment (past or booked) starts: their last activity, for retention. */
    public Optional<Instant> lastAppointment(UUID clientId) {
        List<Appointment> booked = appointments.findByClientIdOrderByStartAsc(clientId);
        return booked.isEmpty() ? Optional.empty() : Optional.ofNullable(booked.get(booked.size() - 1).start());
    }

    /**
     * Deletes the clients' future appointments, giving back their slots, and anonymises their past ones. A past
     * appointment's status history and slot claims stay: neither names the client (a client's own changes are
     * recorded as by "client", a claim holds only the practitioner, the time and the appointment's id).
     */
    public List<CategoryOutcome> erase(Collection<UUID> clientIds) {
        Instant now = clock.instant();
        List<Appointment> held = clientIds.stream()
                .flatMap(clientId -> appointments.findByClientIdOrderByStartAsc(clientId).stream()).toList();
        List<Appointment> future = held.stream().filter(appointment -> appointment.isFuture(now)).toList();
        List<Appointment> past = held.stream().filter(appointment -> !appointment.isFuture(now)).toList();
        // journalled before anything changes: a redelivery after a crash counts what this request found
        int futureErased = effects.planned(FUTURE_APPOINTMENTS, future.stream().map(Appointment::id).toList());
        int pastAnonymised = effects.planned(PAST_APPOINTMENTS, past.stream().map(Appointment::id).toList());
        for (Appointment appointment : future) {
            appointments.delete(appointment);
            claims.releaseAll(appointment.id());
        }
        for (Appointment appointment : past) {
            appointment.anonymise(now);
            appointments.save(appointment);
        }
        return List.of(CategoryOutcome.counted(FUTURE_APPOINTMENTS, Outcome.ERASED, futureErased),
                CategoryOutcome.counted(PAST_APPOINTMENTS, Outcome.ERASED, pastAnonymised));
    }

    /**
     * Adds the {@code appointments} category: every appointment filed under one of the ids (a past appointment kept
     * without identity after an erasure is no longer the person's to find).
     */
    public void export(Collection<UUID> clientIds, ThirdPartyRedaction redaction, PersonalDataExport.Builder export) {
        Instant now = clock.instant();
        export.category(APPOINTMENTS, clientIds.stream()
                .flatMap(id -> appointments.findByClientIdOrderByStartAsc(id).stream())
                .map(appointment -> new AppointmentRecord(appointment.id(), appointment.treatment(),
                        appointment.practitioner(), appointment.start(), appointment.end(),
                        appointment.isFuture(now) ? "upcoming" : "past", appointment.status().name(),
                        redaction.text(appointment.notes(), List.of()).value(), appointment.bookedAt(),
                        appointment.history()))
                .toList());
    }
}
