package uk.alluris.web.staff.officer;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.staff.officer.PrivacyRequestViews.DeadLetterTopic;

/** Messages the platform could not handle, per dead-letter topic: nothing is dropped unseen. */
@Controller
class DeadLettersPage {

    private static final ParameterizedTypeReference<List<DeadLetterTopic>> TOPICS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;

    DeadLettersPage(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/dead-letters")
    String deadLetters(Model model) {
        model.addAttribute("topics", calls.get(Service.RIGHTS, "/api/privacy/dead-letters", TOPICS));
        return "staff/officer/dead-letters";
    }
}
