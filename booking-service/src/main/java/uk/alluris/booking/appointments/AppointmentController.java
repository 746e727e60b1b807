package uk.alluris.booking.appointments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.booking.clients.ClientAccess;
import uk.alluris.booking.cards.CardNumbers;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/** Appointments: staff book for anyone, a client for themselves; each reads only what they may. */
@RestController
@RequestMapping("/api/bookings")
class AppointmentController {

    record NewAppointment(@NotNull UUID clientId, @NotBlank @Size(max = 200) String treatment,
            @NotBlank @Size(max = 200) String practitioner, @NotNull OffsetDateTime start, @Size(max = 4000) String notes) {
    }

    record AppointmentView(UUID id, UUID clientId, String treatment, String practitioner, Instant start, String notes,
            Instant bookedAt, Instant anonymisedAt) {

        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id(), a.clientId(), a.treatment(), a.practitioner(), a.start(), a.notes(),
                    a.bookedAt(), a.anonymisedAt());
        }
    }

    private final Appointments appointments;
    private final ClientAccess clients;
    private final Clock clock;

    AppointmentController(Appointments appointments, ClientAccess clients, Clock clock) {
        this.appointments = appointments;
        this.clients = clients;
        this.clock = clock;
    }

    @PostMapping("/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentView book(@Valid @RequestBody NewAppointment body) {
        clients.requireReadable(body.clientId());
        CardNumbers.refuse("treatment", body.treatment());
        CardNumbers.refuse("notes", body.notes());
        return AppointmentView.of(appointments.save(Appointment.book(body.clientId(), body.treatment().trim(),
                body.practitioner().trim(), body.start().toInstant(), body.notes(), clock.instant())));
    }

    @GetMapping("/appointments/{id}")
    AppointmentView one(@PathVariable UUID id) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> ProblemException.notFound("appointment " + id));
        if (appointment.clientId() == null) {
            requireStaffForAnonymous();
        } else {
            readableClient(appointment.clientId(), "appointment " + id);
        }
        return AppointmentView.of(appointment);
    }

    @GetMapping("/clients/{clientId}/appointments")
    List<AppointmentView> ofClient(@PathVariable UUID clientId) {
        clients.requireReadable(clientId);
        return appointments.findByClientIdOrderByStartAsc(clientId).stream().map(AppointmentView::of).toList();
    }

    private void readableClient(UUID clientId, String what) {
        try {
            clients.requireReadable(clientId);
        } catch (ProblemException notTheirs) {
            throw ProblemException.notFound(what);
        }
    }

    private static void requireStaffForAnonymous() {
        if (CurrentCaller.get().map(CurrentCaller::isClient).orElse(true)) {
            throw ProblemException.notFound("appointment");
        }
    }
}
