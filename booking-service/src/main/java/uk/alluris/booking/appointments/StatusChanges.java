package uk.alluris.booking.appointments;

import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.booking.agechecks.AgeEvidence;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.booking.catalogue.Treatment;
import uk.alluris.kit.problem.ProblemException;

/**
 * Where a booked appointment ends: cancelled (free until the cancellation window, 48 hours before the start; later is
 * late and keeps the deposit), a no-show (once its start has passed) or completed (an age-restricted treatment only
 * once staff have recorded how the client's age was checked). Each change is kept in the appointment's history; a
 * cancellation gives the slot back.
 */
@Service
class StatusChanges {

    private final Appointments appointments;
    private final SlotClaims claims;
    private final Catalogue catalogue;
    private final AgeEvidence ageEvidence;
    private final BookingRules rules;
    private final AppointmentReactions reactions;
    private final Clock clock;

    StatusChanges(Appointments appointments, SlotClaims claims, Catalogue catalogue, AgeEvidence ageEvidence,
            BookingRules rules, AppointmentReactions reactions, Clock clock) {
        this.appointments = appointments;
        this.claims = claims;
        this.catalogue = catalogue;
        this.ageEvidence = ageEvidence;
        this.rules = rules;
        this.reactions = reactions;
        this.clock = clock;
    }

    Appointment cancel(Appointment appointment) {
        requireBooked(appointment, "cancelled");
        Instant now = clock.instant();
        boolean late = now.isAfter(appointment.start().minus(rules.cancellationWindow()));
        appointment.cancel(late, now, BookingAppointments.actor());
        appointment.awaitReactions(new AppointmentEvents.Cancelled(appointment.id(), appointment.clientId(), late, now),
                now);
        appointments.save(appointment);
        claims.releaseAll(appointment.id());
        reactions.react(appointment);
        return appointment;
    }

    Appointment noShow(Appointment appointment) {
        requireBooked(appointment, "marked a no-show");
        Instant now = clock.instant();
        if (appointment.start().isAfter(now)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not started", "a no-show is recorded once the start has "
                    + "passed");
        }
        appointment.changeStatus(Appointment.Status.NO_SHOW, now, BookingAppointments.actor(), null);
        appointment.awaitReactions(new AppointmentEvents.NoShow(appointment.id(), appointment.clientId(), now), now);
        appointments.save(appointment);
        reactions.react(appointment);
        return appointment;
    }

    Appointment complete(Appointment appointment) {
        requireBooked(appointment, "completed");
        Instant now = clock.instant();
        if (appointment.start().isAfter(now)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not started", "an appointment is completed once it has "
                    + "started");
        }
        Treatment treatment = catalogue.treatment(appointment.treatmentId());
        if (treatment.ageRestricted() && !ageEvidence.isOnRecord(appointment.clientId())) {
            throw Eligibility.refused(HttpStatus.UNPROCESSABLE_CONTENT, "age-check-needed", "Not allowed",
                    treatment.name() + " is age-restricted: record how the client's age was checked (POST "
                            + "/api/bookings/clients/{id}/age-checks) before marking it done");
        }
        appointment.changeStatus(Appointment.Status.COMPLETED, now, BookingAppointments.actor(), null);
        appointments.save(appointment);
        return appointment;
    }

    static void requireBooked(Appointment appointment, String change) {
        if (!appointment.holdsSlot()) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not booked", "only a booked appointment can be " + change
                    + "; this one is " + appointment.status());
        }
    }
}
