package uk.alluris.web.portal;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.alluris.web.portal.PortalViews.PolicyVersion;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/**
 * Policy history: every version of the privacy policy the clinic has published, newest first, with the date it took
 * effect and what changed, the one in force marked. The consent ledger keeps the versions (consent decisions name
 * them), so this page shows its history as it is and keeps none of its own.
 */
@Controller
class PolicyHistoryPage {

    private static final ParameterizedTypeReference<List<PolicyVersion>> VERSIONS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;

    PolicyHistoryPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/portal/policy-history")
    String history(Model model) {
        model.addAttribute("versions", calls.get(Service.CONSENT, "/api/consents/policy-versions?size=200", VERSIONS));
        return "portal/policy-history";
    }
}
