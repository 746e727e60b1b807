package uk.alluris.web.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.portal.MyProfile.Profile;
import uk.alluris.web.portal.PortalViews.ConsentDecision;
import uk.alluris.web.portal.PortalViews.ConsentEntry;
import uk.alluris.web.portal.PortalViews.ConsentEvidence;
import uk.alluris.web.portal.PortalViews.Consents;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * My consents: each purpose's current state and the whole history from the consent ledger, and a decision either way
 * at any time, recorded with its evidence (this form, the words shown, the policy version, the browser; the ledger
 * anonymises the address). Withdrawing is one button, as giving is. A restricted person's grant is kept as evidence
 * only: the ledger says so and the page shows it.
 */
@Controller
class MyConsentsPages {

    private final ServiceCalls calls;
    private final MyProfile me;
    private final String policyVersion;

    MyConsentsPages(ServiceCalls calls, MyProfile me,
            @Value("${alluris.web.portal.policy-version}") String policyVersion) {
        this.calls = calls;
        this.me = me;
        this.policyVersion = policyVersion;
    }

    @GetMapping("/portal/consents")
    String consents(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String done,
            Model model) {
        Consents consents = calls.get(Service.CONSENT, "/api/consents?email={e}", Consents.class, me.require().email());
        model.addAttribute("consents", consents);
        model.addAttribute("history", Paged.of(consents.history().stream()
                .sorted(Comparator.comparing(ConsentEntry::recordedAt).reversed()).toList(), page));
        model.addAttribute("done", done);
        return "portal/consents";
    }

    @PostMapping("/portal/consents")
    String decide(@RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String granted,
            HttpServletRequest request, Model model) {
        Profile profile = me.require();
        if (!PortalWords.PURPOSES.containsKey(purpose) || !(granted.equals("true") || granted.equals("false"))) {
            model.addAttribute("refused", "Choose one of the purposes listed and Give or Withdraw.");
            return consents(1, null, model);
        }
        boolean give = Boolean.parseBoolean(granted);
        ConsentEvidence evidence = new ConsentEvidence("client portal", "portal-consents",
                (give ? "Yes: " : "No: ") + PortalWords.PURPOSES.get(purpose), clientAddress(request),
                userAgent(request));
        try {
            calls.post(Service.CONSENT, "/api/consents", new ConsentDecision(profile.email(), purpose, give,
                    policyVersion, "WEB", evidence), ConsentEntry.class);
            return "redirect:/portal/consents?done=" + (give ? "given" : "withdrawn");
        } catch (ServiceRefused refused) {
            MyAppointmentsPages.rethrowUnlessInput(refused);
            model.addAttribute("refused", "Not recorded. " + refused.title() + ": " + refused.detail());
            return consents(1, null, model);
        }
    }

    /** The browser's address as the gateway saw it (first X-Forwarded-For hop); the ledger keeps only its /24 or /48. */
    private static String clientAddress(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String first = forwarded == null || forwarded.isBlank() ? request.getRemoteAddr() : forwarded.split(",")[0].strip();
        return first.length() > 64 ? null : first;
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? null : agent.substring(0, Math.min(agent.length(), 500));
    }
}
