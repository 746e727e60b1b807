package uk.alluris.web.staff.officer;

import java.util.List;
import java.util.Map;
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
import uk.alluris.web.staff.officer.PrivacyRequestViews.Detail;
import uk.alluris.web.staff.officer.PrivacyRequestViews.Evidence;
import uk.alluris.web.staff.officer.PrivacyRequestViews.QueueItem;

/**
 * The privacy officer's queue and a request's page: receipts per service, the evidence timeline, verifying identity
 * (which identifiers were checked), extending, and the fan-out watched live (htmx polls the services fragment every
 * two seconds until every service has answered). The rights-request service enforces the officer's role itself.
 */
@Controller
class PrivacyRequestsPages {

    private static final ParameterizedTypeReference<List<QueueItem>> QUEUE = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Evidence>> EVIDENCE = new ParameterizedTypeReference<>() { };
    private static final Map<String, String> DONE = Map.of(
            "verified", "Identity recorded as verified; the request is now with every service.",
            "extended", "The due date is extended.");

    record IdentityChecked(String note, List<String> checked) {
    }

    record ExtensionAsked(Integer months, String reason) {
    }

    private final ServiceCalls calls;

    PrivacyRequestsPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/requests")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String type,
            @RequestParam(defaultValue = "1") int page, Model model) {
        String wantedStatus = status != null && PrivacyRequestViews.STATUSES.contains(status) ? status : null;
        String wantedType = type != null && PrivacyRequestViews.TYPES.contains(type) ? type : null;
        List<QueueItem> queue = wantedStatus == null
                ? calls.get(Service.RIGHTS, "/api/privacy/requests", QUEUE)
                : calls.get(Service.RIGHTS, "/api/privacy/requests?status={status}", QUEUE, wantedStatus);
        model.addAttribute("requests", Paged.of(queue.stream()
                .filter(item -> wantedType == null || wantedType.equals(item.type())).toList(), page));
        model.addAttribute("status", wantedStatus);
        model.addAttribute("type", wantedType);
        model.addAttribute("statuses", PrivacyRequestViews.STATUSES);
        model.addAttribute("types", PrivacyRequestViews.TYPES);
        return "staff/officer/queue";
    }

    @GetMapping("/staff/officer/requests/{id}")
    String request(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("done", DONE.get(done == null ? "" : done));
        model.addAttribute("request", calls.get(Service.RIGHTS, "/api/privacy/requests/{id}", Detail.class, id));
        model.addAttribute("evidence", calls.get(Service.RIGHTS, "/api/privacy/requests/{id}/evidence", EVIDENCE, id));
        return "staff/officer/request";
    }

    /** The per-service state alone, swapped in place by htmx while the request fans out. */
    @GetMapping("/staff/officer/requests/{id}/services")
    String services(@PathVariable UUID id, Model model) {
        model.addAttribute("request", calls.get(Service.RIGHTS, "/api/privacy/requests/{id}", Detail.class, id));
        return "staff/officer/request :: services";
    }

    @PostMapping("/staff/officer/requests/{id}/identity-verified")
    String identityVerified(@PathVariable UUID id, @RequestParam(required = false) String note,
            @RequestParam(required = false) List<String> checked, Model model) {
        return acting(id, model, () -> calls.post(Service.RIGHTS, "/api/privacy/requests/{id}/identity-verified",
                new IdentityChecked(note, checked == null || checked.isEmpty() ? null : checked), Detail.class, id),
                "verified");
    }

    @PostMapping("/staff/officer/requests/{id}/extension")
    String extend(@PathVariable UUID id, @RequestParam(required = false) Integer months,
            @RequestParam(required = false) String reason, Model model) {
        return acting(id, model, () -> calls.post(Service.RIGHTS, "/api/privacy/requests/{id}/extension",
                new ExtensionAsked(months, reason), Detail.class, id), "extended");
    }

    /**
     * Done, the browser is sent back to the request's page (a reload repeats nothing); refused (a missing note, a
     * second extension), the page is shown again with the service's own words. No session holds either.
     */
    private String acting(UUID id, Model model, Runnable action, String done) {
        try {
            action.run();
            return "redirect:/staff/officer/requests/" + id + "?done=" + done;
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden() || refused.notFound()) {
                throw refused;
            }
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
            return request(id, null, model);
        }
    }
}
