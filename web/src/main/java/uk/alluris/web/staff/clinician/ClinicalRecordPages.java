package uk.alluris.web.staff.clinician;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
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
import uk.alluris.web.pages.UkFormats;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;
import uk.alluris.web.staff.clinician.ClinicalViews.Client;
import uk.alluris.web.staff.clinician.ClinicalViews.Entry;
import uk.alluris.web.staff.clinician.ClinicalViews.NewEntry;
import uk.alluris.web.staff.clinician.ClinicalViews.Subject;

/**
 * A client's clinical record, newest entry first, and a new entry. Records-service decides who may read: a role it
 * refuses gets the 403 page; a restricted person's record asks for a reason first, which records-service audits
 * (sent in the call, never in this page's address). Photos and consent forms will join the entries here.
 */
@Controller
class ClinicalRecordPages {

    private static final ParameterizedTypeReference<List<Client>> FOUND = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final Clock clock;

    ClinicalRecordPages(ServiceCalls calls) {
        this.calls = calls;
        this.clock = Clock.system(UkFormats.CLINIC);
    }

    @GetMapping("/staff/clinical")
    String find(@RequestParam(required = false) String name, Model model) {
        if (name != null && name.strip().length() >= 2) {
            model.addAttribute("found", calls.get(Service.BOOKING, "/api/bookings/clients?name={name}", FOUND,
                    name.strip()));
        }
        model.addAttribute("name", name);
        return "staff/clinician/find";
    }

    @GetMapping("/staff/clinical/{clientId}")
    String record(@PathVariable UUID clientId, @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String added, Model model) {
        model.addAttribute("done", added != null ? "Entry added." : null);
        return show(clientId, null, page, model);
    }

    /** The reason for opening a restricted record comes as a form post, so it never sits in an address or a log. */
    @PostMapping("/staff/clinical/{clientId}/reason")
    String withReason(@PathVariable UUID clientId, @RequestParam(required = false) String reason, Model model) {
        return show(clientId, reason, 1, model);
    }

    @PostMapping("/staff/clinical/{clientId}/entries")
    String add(@PathVariable UUID clientId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String notes, Model model) {
        Client client = calls.get(Service.BOOKING, "/api/bookings/clients/{id}", Client.class, clientId);
        try {
            calls.post(Service.RECORDS, "/api/records/entries", new NewEntry(clientId.toString(), client.email(),
                    client.phone(), client.dateOfBirth(), kind, OffsetDateTime.now(clock), notes), Entry.class);
            return "redirect:/staff/clinical/" + clientId + "?added";
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
            return show(clientId, null, 1, model);
        }
    }

    private String show(UUID clientId, String reason, int page, Model model) {
        Client client = calls.get(Service.BOOKING, "/api/bookings/clients/{id}", Client.class, clientId);
        model.addAttribute("client", client);
        model.addAttribute("kinds", ClinicalViews.KINDS);
        try {
            Subject subject = reason == null
                    ? calls.get(Service.RECORDS, "/api/records/subjects/{id}", Subject.class, clientId)
                    : calls.get(Service.RECORDS, "/api/records/subjects/{id}?reason={reason}", Subject.class,
                            clientId, reason);
            model.addAttribute("subject", subject);
            model.addAttribute("entries", Paged.of(subject.entries().stream()
                    .sorted(Comparator.comparing(Entry::recordedAt).reversed()).toList(), page));
        } catch (ServiceRefused refused) {
            if (refused.forbidden() && "Reason required".equals(refused.title())) {
                model.addAttribute("reasonNeeded", refused.detail());
            } else if (!refused.notFound()) {
                throw refused;
            }
            // not found: no clinical entries yet; the first one starts the record
        }
        return "staff/clinician/record";
    }
}
