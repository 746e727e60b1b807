package uk.alluris.web.staff.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/** The lead partners marketing accepts webhooks from (ADMIN), each with its last delivery and what became of its leads. */
@Controller
class PartnersPage {

    private static final ParameterizedTypeReference<List<Partner>> PARTNERS = new ParameterizedTypeReference<>() { };

    record Partner(String name, Instant lastDeliveryAt, Map<String, Long> leads) {

        public long count(String outcome) {
            return leads == null ? 0 : leads.getOrDefault(outcome, 0L);
        }

        public long dropped() {
            return count("dropped-suppressed") + count("dropped-restricted") + count("dropped-no-contact");
        }
    }

    private final ServiceCalls calls;

    PartnersPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/marketing/partners")
    String partners(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("partners", Paged.of(calls.get(Service.MARKETING, "/api/marketing/leads/partners", PARTNERS),
                page));
        return "staff/marketing/partners";
    }
}
