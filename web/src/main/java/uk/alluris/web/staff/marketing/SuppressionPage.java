package uk.alluris.web.staff.marketing;

import java.time.Instant;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * The suppression list (ADMIN): how many people, by reason, and one address looked up (marketing checks it through its
 * blind index). No address is ever listed; the one looked up travels in a POST body, not in the page's URL.
 */
@Controller
class SuppressionPage {

    private static final ParameterizedTypeReference<Map<String, Long>> COUNTS = new ParameterizedTypeReference<>() { };

    record Lookup(String email) {
    }

    record Found(boolean suppressed, String reason, Instant since) {
    }

    private final ServiceCalls calls;

    SuppressionPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/marketing/suppression")
    String counts(Model model) {
        Map<String, Long> counts = calls.get(Service.MARKETING, "/api/marketing/suppression", COUNTS);
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        return "staff/marketing/suppression";
    }

    @PostMapping("/staff/marketing/suppression")
    String lookUp(@RequestParam(required = false) String email, Model model) {
        try {
            model.addAttribute("found", calls.post(Service.MARKETING, "/api/marketing/suppression/lookup",
                    new Lookup(email == null ? "" : email.strip()), Found.class));
            model.addAttribute("looked", email.strip());
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            model.addAttribute("refused", refused.title() + ": " + refused.detail());
        }
        return counts(model);
    }
}
