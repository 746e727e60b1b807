package uk.alluris.web.portal;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.portal.PortalViews.Complaint;
import uk.alluris.web.portal.PortalViews.NewComplaint;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * My complaints: what the client has complained about, with its due date (a month) and our answer once given, and a
 * form to make one. The rights service holds the complaint, the limits (5,000 characters, three a day) and the rule that
 * it is made under the address the sign-in proved; its refusals are said on the form, with the text kept.
 */
@Controller
class MyComplaintsPages {

    static final int MAX_TEXT = 5000;
    private static final ParameterizedTypeReference<List<Complaint>> COMPLAINTS = new ParameterizedTypeReference<>() { };

    private final ServiceCalls calls;
    private final MyProfile me;

    MyComplaintsPages(ServiceCalls calls, MyProfile me) {
        this.calls = calls;
        this.me = me;
    }

    @GetMapping("/portal/complaints")
    String complaints(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String made,
            Model model) {
        model.addAttribute("complaints", Paged.of(calls.get(Service.RIGHTS,
                "/api/privacy/complaints?size=200", COMPLAINTS), page));
        model.addAttribute("made", made != null);
        model.addAttribute("maxText", MAX_TEXT);
        return "portal/complaints";
    }

    @PostMapping("/portal/complaints")
    String make(@RequestParam(defaultValue = "") String text, Model model) {
        String complaint = text.strip();
        if (complaint.isEmpty()) {
            return refused("Write what went wrong, then Send.", text, model);
        }
        if (complaint.length() > MAX_TEXT) {
            return refused("Your complaint is " + complaint.length() + " characters long; at most " + MAX_TEXT
                    + " fit. Please shorten it, then Send.", text, model);
        }
        try {
            calls.post(Service.RIGHTS, "/api/privacy/complaints",
                    new NewComplaint(me.require().email(), complaint, "PORTAL"), Complaint.class);
            return "redirect:/portal/complaints?made";
        } catch (ServiceRefused refused) {
            MyAppointmentsPages.rethrowUnlessInput(refused);
            String why = refused.status().value() == 429
                    ? "You have made as many complaints as we take in one day. Please try again tomorrow, or call us."
                    : refused.title() + ": " + refused.detail();
            return refused("Not sent. " + why, text, model);
        }
    }

    private String refused(String message, String text, Model model) {
        model.addAttribute("refused", message);
        model.addAttribute("text", text);
        return complaints(1, null, model);
    }
}
