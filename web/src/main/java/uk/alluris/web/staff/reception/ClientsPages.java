package uk.alluris.web.staff.reception;

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
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;
import uk.alluris.web.staff.reception.ClientViews.Client;
import uk.alluris.web.staff.reception.ClientViews.Found;
import uk.alluris.web.staff.reception.ClientViews.NewClient;

/**
 * Reception's clients: search by name, email or phone (booking matches email and phone through their blind indexes),
 * register someone new, and a client's page with appointments, payments and whether their processing is restricted.
 */
@Controller
class ClientsPages {

    private static final ParameterizedTypeReference<List<Found>> FOUND = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final ClientPage clientPage;

    ClientsPages(ServiceCalls calls, ClientPage clientPage) {
        this.calls = calls;
        this.clientPage = clientPage;
    }

    @GetMapping("/staff/reception/clients")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "name") String by,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String field = List.of("name", "email", "phone").contains(by) ? by : "name";
        model.addAttribute("q", q);
        model.addAttribute("by", field);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("found", Paged.of(calls.get(Service.BOOKING, "/api/bookings/clients?" + field
                        + "={q}", FOUND, q.strip()), page));
            } catch (ServiceRefused refused) {
                rethrowUnlessInput(refused);
                model.addAttribute("refused", refused.detail());
            }
        }
        return "staff/reception/clients";
    }

    @PostMapping("/staff/reception/clients")
    String register(@RequestParam(required = false) String fullName, @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String dateOfBirth,
            @RequestParam(required = false) Boolean promotionalContent, Model model) {
        try {
            Client client = calls.post(Service.BOOKING, "/api/bookings/clients", new NewClient(fullName, email,
                    phone, date(dateOfBirth), Boolean.TRUE.equals(promotionalContent)), Client.class);
            return "redirect:/staff/reception/clients/" + client.id() + "?registered";
        } catch (ServiceRefused refused) {
            rethrowUnlessInput(refused);
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
            model.addAttribute("entered", new NewClient(fullName, email, phone, date(dateOfBirth), promotionalContent));
            model.addAttribute("by", "name");
            return "staff/reception/clients";
        }
    }

    @GetMapping("/staff/reception/clients/{id}")
    String client(@PathVariable UUID id, @RequestParam(required = false) String registered,
            @RequestParam(required = false) String done, Model model) {
        model.addAttribute("registered", registered != null);
        model.addAttribute("done", Done.of(done));
        return clientPage.show(id, model);
    }

    /** A date the browser's date field sends (ISO); anything else is left for booking to call missing. */
    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    static void rethrowUnlessInput(ServiceRefused refused) {
        if (refused.signInNeeded() || refused.forbidden()) {
            throw refused;
        }
    }
}
