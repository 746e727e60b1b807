package uk.alluris.booking.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.booking.catalogue.Practitioner;
import uk.alluris.booking.catalogue.Treatment;
import uk.alluris.booking.clients.ClientFacts;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Taking and moving a slot. In order: the client may be booked (restriction, the law on who may be treated), the
 * slot is one availability offers, every granule of it is claimed ({@link SlotClaims}: exactly one of any number of
 * simultaneous bookings wins, the others get 409), then the appointment is saved with its {@link AppointmentEvents}
 * pending in the same write, and {@link AppointmentReactions} tells them.
 * If the save fails the claims are given back; if the process dies between the two, the claims expire as orphans.
 */
@Service
class BookingAppointments {

    private final Appointments appointments;
    private final Catalogue catalogue;
    private final Availability availability;
    private final Eligibility eligibility;
    private final SlotClaims claims;
    private final AppointmentReactions reactions;
    private final Clock clock;

    BookingAppointments(Appointments appointments, Catalogue catalogue, Availability availability,
            Eligibility eligibility, SlotClaims claims, AppointmentReactions reactions, Clock clock) {
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.availability = availability;
        this.eligibility = eligibility;
        this.claims = claims;
        this.reactions = reactions;
        this.clock = clock;
    }

    Appointment book(ClientFacts.Facts client, UUID treatmentId, UUID practitionerId, Instant start, String notes) {
        Treatment treatment = catalogue.bookableTreatment(treatmentId);
        Practitioner practitioner = catalogue.practitioner(practitionerId);
        eligibility.require(client, treatment, start, null);
        availability.requireOffered(treatment, practitioner, start);
        Instant end = start.plus(Duration.ofMinutes(treatment.durationMinutes()));
        Appointment appointment = Appointment.book(client.id(), treatment.id(), treatment.name(), practitioner.id(),
                practitioner.name(), start, end, notes, clock.instant(), actor());
        appointment.awaitReactions(new AppointmentEvents.Booked(appointment.id(), client.id(), treatment.id(),
                treatment.name(), start, end, treatment.depositPence(), treatment.aftercare()), clock.instant());
        claims.claim(appointment.id(), practitioner.id(), SlotGrid.granules(start, end));
        try {
            appointments.insert(appointment);
        } catch (RuntimeException e) {
            claims.releaseAll(appointment.id());
            throw e;
        }
        reactions.react(appointment);
        return appointment;
    }

    /**
     * Moves a booked appointment to another offered slot (optionally with another practitioner): the new granules are
     * claimed first, the appointment saved, then the old granules given back, so it never holds neither.
     */
    Appointment reschedule(Appointment appointment, ClientFacts.Facts client, UUID practitionerId, Instant start) {
        StatusChanges.requireBooked(appointment, "rescheduled");
        Treatment treatment = catalogue.treatment(appointment.treatmentId());
        Practitioner practitioner = catalogue.practitioner(practitionerId == null ? appointment.practitionerId()
                : practitionerId);
        eligibility.require(client, treatment, start, appointment.id());
        availability.requireOffered(treatment, practitioner, start);
        Instant end = start.plus(Duration.ofMinutes(treatment.durationMinutes()));
        UUID oldPractitioner = appointment.practitionerId();
        List<Instant> oldGranules = SlotGrid.granules(appointment.start(), appointment.end());
        List<Instant> newGranules = SlotGrid.granules(start, end);
        Set<Instant> added = new HashSet<>(newGranules);
        if (oldPractitioner.equals(practitioner.id())) {
            added.removeAll(oldGranules);
        }
        claims.claim(appointment.id(), practitioner.id(), added);
        appointment.move(practitioner.id(), practitioner.name(), start, end, clock.instant(), actor());
        appointment.awaitReactions(new AppointmentEvents.Rescheduled(appointment.id(), appointment.clientId(), start,
                end), clock.instant());
        try {
            appointments.save(appointment);
        } catch (RuntimeException e) {
            claims.release(appointment.id(), practitioner.id(), added);
            throw e;
        }
        Set<Instant> freed = new HashSet<>(oldGranules);
        if (oldPractitioner.equals(practitioner.id())) {
            freed.removeAll(newGranules);
        }
        claims.release(appointment.id(), oldPractitioner, freed);
        reactions.react(appointment);
        return appointment;
    }

    /** Who made a change, for the status history: a member of staff by name, a client only as "client". */
    static String actor() {
        return CurrentCaller.get().map(caller -> caller.isClient() ? "client" : caller.subject()).orElse("system");
    }
}
