package uk.alluris.booking.appointments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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

    record NewAppointment(
            @Schema(description = "The client booked for: staff must give it; a client leaves it out to book for "
                    + "themselves (another client's id is not found)", example = "3f6b2c1e-8d4a-4b7e-9c2f-5a1d0e7b9c34")
            UUID clientId,
            @Schema(description = "The treatment, from GET /api/bookings/treatments; left out only when staff record "
                    + "a past visit in free text", example = "0b8e5d2a-6c1f-4e3b-a9d7-2f4c6e8a1b35")
            UUID treatmentId,
            @Schema(description = "The practitioner of the chosen slot, from availability; required with treatmentId",
                    example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17")
            UUID practitionerId,
            @Schema(description = "When it starts, ISO-8601 with an offset: a free slot's start from availability, or "
                    + "for a past visit when it happened", example = "2026-12-03T10:30:00Z")
            @NotNull OffsetDateTime start,
            @Schema(description = "Past visits only (staff): the treatment given, in free text (at most 200 "
                    + "characters); not used when treatmentId is given", example = "Lip filler top-up")
            @Size(max = 200) String treatment,
            @Schema(description = "Past visits only (staff): who gave the treatment, in free text (at most 200 "
                    + "characters)", example = "Dr Sam Example")
            @Size(max = 200) String practitioner,
            @Schema(description = "Notes for the appointment, at most 4000 characters; text that contains a card "
                    + "number is refused", example = "First visit; prefers the ground-floor room")
            @Size(max = 4000) String notes) {
    }

    record Move(
            @Schema(description = "The new start, ISO-8601 with an offset: a free slot's start from availability",
                    example = "2026-12-10T14:00:00Z")
            @NotNull OffsetDateTime start,
            @Schema(description = "The practitioner of the new slot; left out, the appointment keeps its practitioner",
                    example = "9d2f4a6c-1e3b-4c5d-8f7a-6b0e2d4c8a17")
            UUID practitionerId) {
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

    @Operation(summary = "Book an appointment", description = "Books a free slot from availability "
            + "(RECEPTION and CLINICIAN for any client, a CLIENT for themselves) after the rules on who may be "
            + "treated; a client whose processing is restricted cannot be booked (409), a slot taken meanwhile is a "
            + "409. Staff may instead record a visit that already happened in free text, which takes no slot.")
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

    @Operation(summary = "Read an appointment", description = "One appointment with its status history, for "
            + "RECEPTION, CLINICIAN or the CLIENT it belongs to; another client's appointment, or one kept without "
            + "identity after its client's erasure, is a 404 to a client.")
    @GetMapping("/appointments/{id}")
    AppointmentView one(@PathVariable UUID id) {
        return view(readable(id));
    }

    @Operation(summary = "List a client's appointments", description = "A client's appointments, earliest first, "
            + "for RECEPTION, CLINICIAN or that CLIENT (404 for anyone else's or an erased client's), in pages of at "
            + "most 200 (page, size).")
    @GetMapping("/clients/{clientId}/appointments")
    List<AppointmentView> ofClient(@PathVariable UUID clientId, Paging paging) {
        clients.readable(clientId);
        return paging.of(appointments.findByClientIdOrderByStartAsc(clientId).stream().map(this::view).toList());
    }

    @Operation(summary = "Reschedule an appointment", description = "Moves a booked appointment to another free "
            + "slot (RECEPTION, CLINICIAN, or its CLIENT) under the same rules as booking, except that a restricted "
            + "client's booked care may still be moved; 409 when it is not booked or the slot was taken.")
    @PostMapping("/appointments/{id}/reschedule")
    AppointmentView reschedule(@PathVariable UUID id, @Valid @RequestBody Move body) {
        Appointment appointment = readable(id);
        if (appointment.clientId() == null || appointment.treatmentId() == null) {
            throw new ProblemException(HttpStatus.CONFLICT, "Not booked", "only a booked appointment can be moved");
        }
        return view(booking.reschedule(appointment, clients.readable(appointment.clientId()),
                body.practitionerId(), body.start().toInstant()));
    }

    @Operation(summary = "Cancel an appointment", description = "Cancels a booked appointment (RECEPTION, "
            + "CLINICIAN, or its CLIENT) and frees its slot; inside the cancellation window (48 hours before the start "
            + "by default) it is late and the deposit is kept. 409 when it is no longer booked.")
    @PostMapping("/appointments/{id}/cancellation")
    AppointmentView cancel(@PathVariable UUID id) {
        return view(changes.cancel(readable(id)));
    }

    @Operation(summary = "Mark an appointment a no-show", description = "RECEPTION and CLINICIAN record that the "
            + "client did not come, once the start has passed (409 before, or when it is not booked); the deposit is "
            + "kept.")
    @PostMapping("/appointments/{id}/no-show")
    AppointmentView noShow(@PathVariable UUID id) {
        return view(changes.noShow(readable(id)));
    }

    @Operation(summary = "Mark an appointment completed", description = "RECEPTION and CLINICIAN record that a "
            + "booked appointment took place, once it has started (409 before); an age-restricted treatment needs the "
            + "client's age check on record first (422).")
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
