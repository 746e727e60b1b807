package uk.alluris.web.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;

/**
 * Marketing preferences: the lists and channels of each subscription marketing holds under the client's email
 * (marketing's {@code GET /api/marketing/me}), and leaving everything with one button, as the link in every message
 * does. Channels themselves are consents, given and withdrawn on My consents.
 */
@Controller
class MyMarketingPages {

    record Membership(UUID id, List<String> lists, List<String> channels, Instant subscribedAt,
            Instant unsubscribedAt) {
    }

    record Preferences(List<Membership> subscriptions, boolean restricted) {

        /** Still on a list or reachable by a channel: there is something to leave. */
        public boolean anything() {
            return subscriptions.stream().anyMatch(s -> !s.lists().isEmpty() || !s.channels().isEmpty());
        }
    }

    private final ServiceCalls calls;

    MyMarketingPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/portal/marketing")
    String marketing(@RequestParam(required = false) String done, Model model) {
        model.addAttribute("preferences", calls.get(Service.MARKETING, "/api/marketing/me", Preferences.class));
        model.addAttribute("done", done);
        return "portal/marketing";
    }

    @PostMapping("/portal/marketing/leave")
    String leave() {
        calls.post(Service.MARKETING, "/api/marketing/me/unsubscribe", null, Preferences.class);
        return "redirect:/portal/marketing?done=left";
    }
}
