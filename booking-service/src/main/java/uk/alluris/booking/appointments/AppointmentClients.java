package uk.alluris.booking.appointments;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.kit.problem.ProblemException;

/** What other features (payments) may learn of an appointment: whom it is booked for. */
@Component
public class AppointmentClients {

    private final Appointments appointments;

    AppointmentClients(Appointments appointments) {
        this.appointments = appointments;
    }

    /**
     * The client appointment {@code id} is booked for; empty once the appointment was kept without identity after an
     * erasure. A 404 problem when there is no such appointment.
     */
    public Optional<UUID> clientOf(UUID id) {
        return Optional.ofNullable(appointments.findById(id)
                .orElseThrow(() -> ProblemException.notFound("appointment " + id)).clientId());
    }
}
