package uk.alluris.booking.appointments;

import jakarta.validation.Valid;
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
import uk.alluris.booking.cards.CardNumbers;
import uk.alluris.booking.clients.ClientFacts;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Appointments: staff book for anyone, a client for themselves (their {@code clientId} may be left out, another's is
 * never found); a slot comes from availability. Staff may also record a visit that already happened in free text
 * ({@code treatment}, {@code practitioner}, a past {@code start}): it takes no slot. Rescheduling and cancelling are
 * for the client and staff; no-show and completion for staff only (access rules in {@code security}).
 */
@RestController
@RequestMapping("/api/bookings")
class AppointmentController {

    record NewAppointment(UUID clientId, UUID treatmentId, UUID practitionerId, @NotNull OffsetDateTime start,
            @Size(max = 200) String treatment, @Size(max = 200) String practitioner, @Size(max = 4000) String notes) {
    }

    record Move(@NotNull OffsetDateTime start, UUID practitionerId) {
    }

    private final Appointments appointments;
    private final BookingAppointments booking;
    private final StatusChanges changes;
    private final ClientFacts clients;
    private final BookingRules rules;
    private final Clock clock;

    AppointmentController(Appointments appointments, BookingAppointments booking, StatusChanges changes,
            ClientFacts clients, BookingRules rules, Clock clock) {
        this.rules = rules;
        this.appointments = appointments;
        this.booking = booking;
        this.changes = changes;
        this.clients = clients;
        this.clock = clock;
    }

    @PostMapping("/appointments")
    @ResponseStatus(HttpStatus.CREATED)
    AppointmentView book(@Valid @RequestBody NewAppointment body) {
        CardNumbers.refuse("notes", body.notes());
        ClientFacts.Facts client = body.clientId() == null ? clients.callersOwn() : clients.readable(body.clientId());
        if (body.treatmentId() == null) {
            return view(recordPastVisit(client, body));
        }
        if (body.practitionerId() == null) {
            throw invalid("practitionerId is required with treatmentId: take both from GET /api/bookings/availability");
        }
        return view(booking.book(client, body.treatmentId(), body.practitionerId(),
                body.start().toInstant(), body.notes()));
    }

    @GetMapping("/appointments/{id}")
    AppointmentView one(@PathVariable UUID id) {
        return view(readable(id));
    }

    @GetMapping("/clients/{clientId}/appointments")
    List<AppointmentView> ofClient(@PathVariable UUID clientId, Paging paging) {
        clients.readable(clientId);
        return paging.of(appointments.findByClientIdOrderByStartAsc(clientId).stream().map(this::view).toList());
    }

    @PostMapping("/appointments/{id}/reschedule")
    AppointmentView reschedule(@PathVariable UUID id, @Valid @RequestBody Move body) {
        Appointment appointment = readable(id);
        if (appointment.clientId() == null || appointment.treatmentId() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not booked", "only a booked appointment can be moved");
        }
        return view(booking.reschedule(appointment, clients.readable(appointment.clientId()),
                body.practitionerId(), body.start().toInstant()));
    }

    @PostMapping("/appointments/{id}/cancellation")
    AppointmentView cancel(@PathVariable UUID id) {
        return view(changes.cancel(readable(id)));
    }

    @PostMapping("/appointments/{id}/no-show")
    AppointmentView noShow(@PathVariable UUID id) {
        return view(changes.noShow(readable(id)));
    }

    @PostMapping("/appointments/{id}/completion")
    AppointmentView complete(@PathVariable UUID id) {
        return view(changes.complete(readable(id)));
    }

    private AppointmentView view(Appointment appointment) {
        return AppointmentView.of(appointment, rules);
    }

    private Appointment recordPastVisit(ClientFacts.Facts client, NewAppointment body) {
        boolean staff = CurrentCaller.get().map(caller -> !caller.isClient()).orElse(false);
        if (!staff || body.treatment() == null || body.treatment().isBlank() || body.practitioner() == null
                || body.practitioner().isBlank()) {
            throw invalid("treatmentId, practitionerId and start (a slot from GET /api/bookings/availability) are "
                    + "required");
        }
        if (!body.start().toInstant().isBefore(clock.instant())) {
            throw invalid("a visit in free text (treatment, practitioner) can only be recorded once it has happened; "
                    + "book a future one with treatmentId and practitionerId from availability");
        }
        CardNumbers.refuse("treatment", body.treatment());
        return appointments.insert(Appointment.recordPast(client.id(), body.treatment().trim(),
                body.practitioner().trim(), body.start().toInstant(), body.notes(), clock.instant(),
                BookingAppointments.actor()));
    }

    /** The appointment if the caller may see it; anyone else's, or one kept without identity, looks like nothing. */
    private Appointment readable(UUID id) {
        Appointment appointment = appointments.findById(id).orElseThrow(() -> ProblemException.notFound("appointment " + id));
        boolean client = CurrentCaller.get().map(CurrentCaller::isClient).orElse(true);
        try {
            if (appointment.clientId() == null ? client : clientNotReadable(appointment.clientId())) {
                throw ProblemException.notFound("appointment " + id);
            }
        } catch (ProblemException notTheirs) {
            throw ProblemException.notFound("appointment " + id);
        }
        return appointment;
    }

    private boolean clientNotReadable(UUID clientId) {
        clients.readable(clientId);
        return false;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input", detail);
    }
}
