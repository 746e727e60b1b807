package uk.alluris.web.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.pages.UkFormats;
import uk.alluris.web.portal.PortalViews.Appointment;
import uk.alluris.web.portal.PortalViews.Deposit;
import uk.alluris.web.portal.PortalViews.NewAppointment;
import uk.alluris.web.portal.PortalViews.Practitioner;
import uk.alluris.web.portal.PortalViews.Slot;
import uk.alluris.web.portal.PortalViews.Treatment;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * A client's appointments: upcoming and past, booking online (treatment, a day, one of its free times from booking's
 * availability, then the deposit as booking asks for it) and cancelling. Booking decides everything (who may be
 * treated, a restricted client, a slot just taken, whether a cancellation is late) and its answer is said on the page.
 */
@Controller
class MyAppointmentsPages {

    private static final ParameterizedTypeReference<List<Appointment>> APPOINTMENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Treatment>> TREATMENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Slot>> SLOTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Practitioner>> PRACTITIONERS =
            new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final MyProfile me;
    private final Clock clock;

    MyAppointmentsPages(ServiceCalls calls, MyProfile me) {
        this.calls = calls;
        this.me = me;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/portal/appointments")
    String appointments(@RequestParam(defaultValue = "1") int upcomingPage, @RequestParam(defaultValue = "1") int pastPage,
            @RequestParam(required = false) String done, Model model) {
        Instant now = clock.instant();
        List<Appointment> all = calls.get(Service.BOOKING, "/api/bookings/clients/{id}/appointments", APPOINTMENTS,
                me.require().id());
        model.addAttribute("now", now);
        model.addAttribute("upcoming", Paged.of(all.stream().filter(a -> a.upcoming(now))
                .sorted(Comparator.comparing(Appointment::start)).toList(), upcomingPage));
        model.addAttribute("past", Paged.of(all.stream().filter(a -> !a.upcoming(now))
                .sorted(Comparator.comparing(Appointment::start, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList(), pastPage));
        model.addAttribute("done", done);
        return "portal/appointments";
    }

    @PostMapping("/portal/appointments/{id}/cancellation")
    String cancel(@PathVariable UUID id, Model model) {
        try {
            Appointment cancelled = calls.post(Service.BOOKING, "/api/bookings/appointments/{a}/cancellation", null,
                    Appointment.class, id);
            return "redirect:/portal/appointments?done=" + (cancelled.lateCancellation() ? "cancelled-late" : "cancelled");
        } catch (ServiceRefused refused) {
            rethrowUnlessInput(refused);
            model.addAttribute("refused", "Not cancelled. " + refused.title() + ": " + refused.detail());
            return appointments(1, 1, null, model);
        }
    }

    @GetMapping("/portal/appointments/book")
    String book(Model model) {
        me.require();
        model.addAttribute("treatments", calls.get(Service.BOOKING, "/api/bookings/treatments", TREATMENTS).stream()
                .filter(Treatment::active).toList());
        model.addAttribute("today", LocalDate.now(UkFormats.CLINIC).plusDays(1));
        return "portal/book";
    }

    /** The free times of one day on the clinic's clock, swapped in by htmx as radio buttons. */
    @GetMapping("/portal/appointments/slots")
    String slots(@RequestParam(required = false) UUID treatment, @RequestParam(required = false) String day,
            Model model) {
        LocalDate date = day(day);
        if (treatment == null || date == null) {
            model.addAttribute("refused", "Choose a treatment and a day to see its free times.");
            return "portal/book :: slots";
        }
        try {
            model.addAttribute("slots", calls.get(Service.BOOKING,
                    "/api/bookings/availability?treatment={t}&from={f}&to={to}", SLOTS, treatment,
                    date.atStartOfDay(UkFormats.CLINIC).toInstant(),
                    date.plusDays(1).atStartOfDay(UkFormats.CLINIC).toInstant()));
            // the same time with two practitioners is two choices: the client sees with whom
            Map<UUID, String> names = calls.get(Service.BOOKING, "/api/bookings/practitioners", PRACTITIONERS).stream()
                    .collect(Collectors.toMap(Practitioner::id, Practitioner::name, (first, second) -> first));
            model.addAttribute("practitioners", names);
        } catch (ServiceRefused refused) {
            rethrowUnlessInput(refused);
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
        }
        return "portal/book :: slots";
    }

    @PostMapping("/portal/appointments")
    String booked(@RequestParam(required = false) UUID treatment, @RequestParam(required = false) String slot,
            Model model) {
        String[] chosen = slot == null ? new String[0] : slot.strip().split(" ");
        if (treatment == null || chosen.length != 2) {
            model.addAttribute("refused", "Choose a treatment, a day and one of its free times, then Book.");
            return book(model);
        }
        try {
            Appointment appointment = calls.post(Service.BOOKING, "/api/bookings/appointments",
                    new NewAppointment(treatment, UUID.fromString(chosen[1]), Instant.parse(chosen[0]).toString()),
                    Appointment.class);
            return "redirect:/portal/appointments/" + appointment.id() + "/deposit";
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            model.addAttribute("refused", "Choose one of the free times shown, then Book.");
            return book(model);
        } catch (ServiceRefused refused) {
            rethrowUnlessInput(refused);
            model.addAttribute("refused", "Not booked. " + refused.title() + ": " + refused.detail());
            return book(model);
        }
    }

    /** The deposit booking asks for the new appointment, with the payment page it opened (if any). */
    @GetMapping("/portal/appointments/{id}/deposit")
    String deposit(@PathVariable UUID id, Model model) {
        try {
            model.addAttribute("deposit", calls.get(Service.BOOKING, "/api/bookings/appointments/{a}/deposit",
                    Deposit.class, id));
        } catch (ServiceRefused refused) {
            rethrowUnlessInput(refused);
            // no deposit for this treatment: the booking stands as it is
            model.addAttribute("deposit", null);
        }
        return "portal/deposit";
    }

    /** Sign-in and "not yours" go to their pages; an input refusal is said on the form. */
    static void rethrowUnlessInput(ServiceRefused refused) {
        if (refused.signInNeeded() || refused.forbidden()) {
            throw refused;
        }
    }

    private static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
