package uk.alluris.booking.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.alluris.booking.catalogue.Catalogue;
import uk.alluris.booking.catalogue.PractitionerRole;
import uk.alluris.booking.catalogue.Treatment;
import uk.alluris.booking.clients.ClientFacts;
import uk.alluris.kit.problem.ProblemException;

/**
 * Applies {@link WhoMayBeTreated} to a booking, and the restriction rule: a client whose processing is restricted is
 * not booked for new care (reminders for care already booked go on, ARCHITECTURE.md). Each refusal is a problem naming
 * the rule, so the portal and the dashboard can say what to do next.
 */
@Component
class Eligibility {

    private final Appointments appointments;
    private final Catalogue catalogue;
    private final BookingRules rules;
    private final Clock clock;

    Eligibility(Appointments appointments, Catalogue catalogue, BookingRules rules, Clock clock) {
        this.appointments = appointments;
        this.catalogue = catalogue;
        this.rules = rules;
        this.clock = clock;
    }

    /** Refuses with a 409 (restricted) or 422 (the rule) problem; {@code moving} is an appointment being moved. */
    void require(ClientFacts.Facts client, Treatment treatment, Instant start, UUID moving) {
        if (client.restricted() && moving == null) {
            throw refused(HttpStatus.CONFLICT, "restricted", "Restricted", "the client has asked for processing of "
                    + "their data to be restricted: no new appointment can be booked until the restriction is lifted");
        }
        LocalDate today = LocalDate.now(clock.withZone(catalogue.calendar().zone()));
        List<WhoMayBeTreated.Care> history = appointments.findByClientIdOrderByStartAsc(client.id()).stream()
                .filter(a -> a.treatmentId() != null && !a.id().equals(moving)).map(this::care).toList();
        WhoMayBeTreated.refusal(client.dateOfBirth(), treatment, start, today, catalogue.calendar().zone(), history,
                rules.coolingOff()).ifPresent(refusal -> {
                    throw refused(HttpStatus.UNPROCESSABLE_CONTENT, refusal.rule(), "Not allowed", refusal.detail());
                });
    }

    private WhoMayBeTreated.Care care(Appointment appointment) {
        Treatment treatment = catalogue.treatment(appointment.treatmentId());
        boolean prescriber = appointment.practitionerId() != null
                && catalogue.practitioner(appointment.practitionerId()).holds(PractitionerRole.PRESCRIBER);
        return new WhoMayBeTreated.Care(treatment.id(), appointment.start(), appointment.end(), appointment.status(),
                treatment.consultation(), prescriber, treatment.prescriptionOnly());
    }

    static ProblemException refused(HttpStatus status, String rule, String title, String detail) {
        ProblemException problem = new ProblemException(status, title, detail);
        problem.getBody().setProperty("rule", rule);
        return problem;
    }
}
