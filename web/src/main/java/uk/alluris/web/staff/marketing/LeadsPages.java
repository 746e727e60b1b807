package uk.alluris.web.staff.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * The leads inbox (RECEPTION and ADMIN, as marketing decides): new social-media and partner leads, each with the
 * consent its form captured; marketing never lists someone suppressed. "Make a client" is one step: booking registers
 * the lead's person (reception's right, so booking decides), then marketing records the lead as converted. A
 * restricted person is said to be so and nothing is registered.
 */
@Controller
class LeadsPages {

    static final int PAGE_SIZE = 20;

    record Lead(String id, String source, String fullName, String email, String phone, List<String> consents,
            String consentText, Instant capturedAt, Instant receivedAt, boolean restricted, UUID clientId) {
    }

    record Inbox(List<Lead> items, int page, int size, int total) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    record NewClient(String fullName, String email, String phone, LocalDate dateOfBirth, Boolean promotionalContent) {
    }

    record Client(UUID id) {
    }

    record Conversion(UUID clientId) {
    }

    private final ServiceCalls calls;

    LeadsPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/marketing/leads")
    String inbox(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) UUID client, Model model) {
        Inbox inbox = calls.get(Service.MARKETING, "/api/marketing/leads?page={page}&size={size}", Inbox.class,
                Math.max(1, page), PAGE_SIZE);
        model.addAttribute("inbox", inbox);
        model.addAttribute("client", client);
        return "staff/marketing/leads";
    }

    @PostMapping("/staff/marketing/leads/{id}/client")
    String makeClient(@PathVariable String id, @RequestParam(required = false) String dateOfBirth, Model model) {
        try {
            Lead lead = calls.get(Service.MARKETING, "/api/marketing/leads/{id}", Lead.class, id);
            if (lead.restricted()) {
                return refused(model, "Restricted: processing of this person's data is restricted, so they cannot be"
                        + " made a client from this lead until the restriction is lifted.");
            }
            LocalDate born = birthDate(dateOfBirth);
            if (born == null) {
                return refused(model, "Date of birth needed: booking registers a client only with their date of birth.");
            }
            Client client = calls.post(Service.BOOKING, "/api/bookings/clients", new NewClient(lead.fullName(),
                    lead.email(), lead.phone(), born, lead.consents().contains("email")), Client.class);
            calls.post(Service.MARKETING, "/api/marketing/leads/{id}/conversion", new Conversion(client.id()),
                    Map.class, id);
            return "redirect:/staff/marketing/leads?client=" + client.id();
        } catch (ServiceRefused refusal) {
            if (refusal.signInNeeded() || refusal.forbidden()) {
                throw refusal;
            }
            return refused(model, refusal.title() + ": " + refusal.detail());
        }
    }

    private String refused(Model model, String why) {
        model.addAttribute("refused", why);
        return inbox(1, null, model);
    }

    private static LocalDate birthDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
