package uk.alluris.web.staff.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.UkFormats;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;
import uk.alluris.web.staff.reception.ClientViews.Appointment;
import uk.alluris.web.staff.reception.ClientViews.Move;
import uk.alluris.web.staff.reception.ClientViews.NewAppointment;
import uk.alluris.web.staff.reception.ClientViews.Slot;

/**
 * Reception books, moves and cancels a client's appointments from their page. A day's free slots come from booking's
 * availability (htmx swaps them in as radio buttons); booking decides everything else (who may be treated, a
 * restricted client, a slot just taken, a late cancellation) and its refusal is said on the client's page.
 */
@Controller
class AppointmentPages {

    private static final ParameterizedTypeReference<List<Slot>> SLOTS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final ClientPage clientPage;

    AppointmentPages(ServiceCalls calls, ClientPage clientPage) {
        this.calls = calls;
        this.clientPage = clientPage;
    }

    /** The free slots of one day on the clinic's clock, for the Book form or an appointment's Move form. */
    @GetMapping("/staff/reception/clients/{id}/slots")
    String slots(@PathVariable UUID id, @RequestParam(required = false) UUID treatment,
            @RequestParam(required = false) UUID practitioner, @RequestParam(required = false) String day,
            @RequestParam(defaultValue = "slot") String name, Model model) {
        model.addAttribute("name", "move".equals(name) ? "move" : "slot");
        LocalDate date = day(day);
        if (treatment == null || date == null) {
            model.addAttribute("refused", "Choose a treatment and a day to see its free times.");
            return "staff/reception/slots :: slots";
        }
        Instant from = date.atStartOfDay(UkFormats.CLINIC).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(UkFormats.CLINIC).toInstant();
        try {
            model.addAttribute("slots", practitioner == null
                    ? calls.get(Service.BOOKING, "/api/bookings/availability?treatment={t}&from={f}&to={to}", SLOTS,
                            treatment, from, to)
                    : calls.get(Service.BOOKING, "/api/bookings/availability?treatment={t}&from={f}&to={to}"
                            + "&practitioner={p}", SLOTS, treatment, from, to, practitioner));
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
        }
        return "staff/reception/slots :: slots";
    }

    @PostMapping("/staff/reception/clients/{id}/appointments")
    String book(@PathVariable UUID id, @RequestParam(required = false) UUID treatment,
            @RequestParam(required = false) String slot, Model model) {
        Chosen chosen = Chosen.of(slot);
        if (treatment == null || chosen == null) {
            return refused(id, "Choose a treatment, a day and one of its free times, then Book.", model);
        }
        try {
            calls.post(Service.BOOKING, "/api/bookings/appointments", new NewAppointment(id, treatment,
                    chosen.practitionerId(), chosen.start().toString()), Appointment.class);
            return "redirect:/staff/reception/clients/" + id + "?done=" + Done.BOOKED.code();
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            return refused(id, "Not booked. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    @PostMapping("/staff/reception/clients/{id}/appointments/{appointment}/reschedule")
    String move(@PathVariable UUID id, @PathVariable UUID appointment, @RequestParam(required = false) String move,
            Model model) {
        Chosen chosen = Chosen.of(move);
        if (chosen == null) {
            return refused(id, "Choose a day and one of its free times, then Move.", model);
        }
        try {
            calls.post(Service.BOOKING, "/api/bookings/appointments/{a}/reschedule", new Move(chosen.start()
                    .toString(), chosen.practitionerId()), Appointment.class, appointment);
            return "redirect:/staff/reception/clients/" + id + "?done=" + Done.MOVED.code();
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            return refused(id, "Not moved. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    @PostMapping("/staff/reception/clients/{id}/appointments/{appointment}/cancellation")
    String cancel(@PathVariable UUID id, @PathVariable UUID appointment, Model model) {
        try {
            Appointment cancelled = calls.post(Service.BOOKING, "/api/bookings/appointments/{a}/cancellation", null,
                    Appointment.class, appointment);
            Done done = cancelled.lateCancellation() ? Done.CANCELLED_LATE : Done.CANCELLED;
            return "redirect:/staff/reception/clients/" + id + "?done=" + done.code();
        } catch (ServiceRefused refused) {
            ClientsPages.rethrowUnlessInput(refused);
            return refused(id, "Not cancelled. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    private String refused(UUID id, String message, Model model) {
        model.addAttribute("refused", message);
        return clientPage.show(id, model);
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A slot's radio value, "start practitionerId", read back; anything else is no choice. */
    record Chosen(Instant start, UUID practitionerId) {

        static Chosen of(String value) {
            String[] parts = value == null ? new String[0] : value.strip().split(" ");
            try {
                return parts.length == 2 ? new Chosen(Instant.parse(parts[0]), UUID.fromString(parts[1])) : null;
            } catch (DateTimeParseException | IllegalArgumentException unreadable) {
                return null;
            }
        }
    }
}
