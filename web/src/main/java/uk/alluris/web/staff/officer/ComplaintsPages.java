package uk.alluris.web.staff.officer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.web.pages.Paged;
import uk.alluris.web.services.Service;
import uk.alluris.web.services.ServiceCalls;
import uk.alluris.web.services.ServiceRefused;

/**
 * The privacy officer's complaints: the queue of one status, soonest due first with the late ones marked (the rights
 * service orders and judges them), one complaint to read, assign to oneself and answer once. The rights service mails
 * the answer with the ICO route appended, so the page says so rather than asking the officer to write it.
 */
@Controller
class ComplaintsPages {

    static final List<String> STATUSES = List.of("OPEN", "ANSWERED");
    static final int MAX_ANSWER = 10_000;
    private static final ParameterizedTypeReference<List<Complaint>> QUEUE = new ParameterizedTypeReference<>() { };

    /** A complaint as the rights service answers it; text, answer and email only when one is read. */
    record Complaint(UUID id, String status, String channel, Instant receivedAt, LocalDate dueDate, boolean overdue,
            String assignee, String text, String answer, Instant answeredAt, boolean held, String email) {

        public boolean answered() {
            return "ANSWERED".equals(status);
        }
    }

    record Assignment(String assignee) {
    }

    record Answer(String text) {
    }

    private final ServiceCalls calls;

    ComplaintsPages(ServiceCalls calls) {
        this.calls = calls;
    }

    @GetMapping("/staff/officer/complaints")
    String queue(@RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "1") int page,
            Model model) {
        String shown = STATUSES.contains(status) ? status : "OPEN";
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("complaints", Paged.of(calls.get(Service.RIGHTS,
                "/api/privacy/complaints?status={s}&size=200", QUEUE, shown), page));
        return "staff/officer/complaints";
    }

    @GetMapping("/staff/officer/complaints/{id}")
    String complaint(@PathVariable UUID id, @RequestParam(required = false) String done, Model model) {
        model.addAttribute("complaint", calls.get(Service.RIGHTS, "/api/privacy/complaints/{id}", Complaint.class, id));
        model.addAttribute("done", done);
        model.addAttribute("me", CurrentCaller.get().map(CurrentCaller::subject).orElse(""));
        model.addAttribute("maxAnswer", MAX_ANSWER);
        return "staff/officer/complaint";
    }

    @PostMapping("/staff/officer/complaints/{id}/assignment")
    String assignToMe(@PathVariable UUID id, Model model) {
        String me = CurrentCaller.get().map(CurrentCaller::subject).orElse("");
        return send(id, "assignment", new Assignment(me), "assigned", null, model);
    }

    @PostMapping("/staff/officer/complaints/{id}/answer")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String text, Model model) {
        String answer = text.strip();
        if (answer.isEmpty()) {
            return refused(id, "Write the answer, then Send.", text, model);
        }
        if (answer.length() > MAX_ANSWER) {
            return refused(id, "The answer is " + answer.length() + " characters long; at most " + MAX_ANSWER
                    + " fit.", text, model);
        }
        return send(id, "answer", new Answer(answer), "answered", text, model);
    }

    private String send(UUID id, String action, Object body, String done, String text, Model model) {
        try {
            calls.post(Service.RIGHTS, "/api/privacy/complaints/{id}/" + action, body, Complaint.class, id);
            return "redirect:/staff/officer/complaints/" + id + "?done=" + done;
        } catch (ServiceRefused refused) {
            if (refused.signInNeeded() || refused.forbidden()) {
                throw refused;
            }
            return refused(id, "Not saved. " + refused.title() + ": " + refused.detail(), text, model);
        }
    }

    private String refused(UUID id, String message, String text, Model model) {
        model.addAttribute("refused", message);
        model.addAttribute("text", text);
        return complaint(id, null, model);
    }
}
