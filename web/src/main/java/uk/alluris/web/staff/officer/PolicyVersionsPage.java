package uk.alluris.web.staff.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * Policy versions: the history the consent ledger keeps (the one in force marked) and the form to publish a new one.
 * The consent service checks the fields and, for a material change, mails the people it concerns; its refusal is said
 * on the form with what was typed kept.
 */
@Controller
class PolicyVersionsPage {

    private static final ParameterizedTypeReference<List<Version>> HISTORY = new ParameterizedTypeReference<>() { };

    record Version(String version, LocalDate effectiveFrom, String summary, boolean material, boolean inForce,
            Instant publishedAt) {
    }

    record Published(String version, String text, String summary, LocalDate effectiveFrom, Boolean material) {
    }

    private final ServiceCalls calls;

    PolicyVersionsPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/policy-versions")
    String versions(@RequestParam(required = false) String published, Model model) {
        model.addAttribute("published", published);
        model.addAttribute("versions", calls.get(Service.CONSENT, "/api/consents/policy-versions?size=200", HISTORY));
        return "staff/officer/policy-versions";
    }

    @PostMapping("/staff/officer/policy-versions")
    String publish(@RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String effectiveFrom,
            @RequestParam(required = false) String material, Model model) {
        Published form = new Published(version.strip(), text.strip(), summary.strip(), day(effectiveFrom),
                material == null ? null : "yes".equals(material));
        try {
            Version done = calls.post(Service.CONSENT, "/api/consents/policy-versions", form, Version.class);
            return "redirect:/staff/officer/policy-versions?published=" + done.version();
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            model.addAttribute("form", form);
            model.addAttribute("refused", "Not published. " + refused.title() + ": " + refused.detail());
            return versions(null, model);
        }
    }

    private static LocalDate day(String value) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
