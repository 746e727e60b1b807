package uk.alluris.web.staff.officer;

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
import uk.alluris.web.staff.officer.PrivacyRequestViews.DeadLetterTopic;
import uk.alluris.web.staff.officer.PrivacyRequestViews.RedriveOrder;

/**
 * Messages the platform could not handle, per dead-letter topic: nothing is dropped unseen. The officer sends one back
 * to its topic (a redrive, once per letter, kept as evidence by the rights service); its refusal is said on the page.
 */
@Controller
class DeadLettersPage {

    private static final ParameterizedTypeReference<List<DeadLetterTopic>> TOPICS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;

    DeadLettersPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/dead-letters")
    String deadLetters(@RequestParam(required = false) String redriven, Model model) {
        model.addAttribute("redriven", redriven != null);
        model.addAttribute("topics", calls.get(Service.RIGHTS, "/api/privacy/dead-letters", TOPICS));
        return "staff/officer/dead-letters";
    }

    @PostMapping("/staff/officer/dead-letters/redrives")
    String redrive(@RequestParam(required = false) String topic, @RequestParam(required = false) Integer partition,
            @RequestParam(required = false) Long offset, Model model) {
        if (topic == null || partition == null || offset == null) {
            return refused("Choose a dead letter's Send back button.", model);
        }
        try {
            calls.post(Service.RIGHTS, "/api/privacy/dead-letters/redrives", new RedriveOrder(topic, partition, offset),
                    Object.class);
            return "redirect:/staff/officer/dead-letters?redriven";
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            return refused("Not sent back. " + refused.title() + ": " + refused.detail(), model);
        }
    }

    private String refused(String message, Model model) {
        model.addAttribute("refused", message);
        return deadLetters(null, model);
    }
}
