package uk.alluris.rights.complaints;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.alluris.kit.paging.Paging;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;

/**
 * Complaints: a signed-in client makes one and lists their own (with the answers); the privacy officer and
 * administrators log one taken by phone, mail or in person, list what is open by due date (overdue marked), read one,
 * assign it and answer it. Who may call what is decided before the body is read (security.AccessConfiguration).
 */
@RestController
@RequestMapping("/api/privacy/complaints")
class ComplaintController {

    private final HandlingComplaints handling;
    private final Complaints complaints;

    ComplaintController(HandlingComplaints handling, Complaints complaints) {
        this.handling = handling;
        this.complaints = complaints;
    }

    @Operation(summary = "Make a complaint", description = "Logs a complaint about how the clinic handles personal data,"
            + " due one month on; its text and address are kept sealed. A client complains under the address their"
            + " sign-in proved (another is a 422 problem), at most 3 a day (429 beyond); the privacy officer or an"
            + " administrator logs one for anyone, saying how it reached them (PHONE, EMAIL, LETTER or IN_PERSON).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ComplaintBodies.View make(@Valid @RequestBody ComplaintBodies.Made body) {
        Complaint made = handling.make(body, caller());
        return view(made, true, false);
    }

    /** A client's own complaints, newest first; staff get the queue of one status (OPEN by default), soonest due first. */
    @Operation(summary = "List complaints", description = "A client gets their own complaints with their text and"
            + " answers, newest first. The privacy officer and administrators get the complaints of one status (OPEN by"
            + " default), soonest due first, overdue and held ones marked, without their text. Paged.")
    @GetMapping
    List<ComplaintBodies.View> list(@RequestParam(defaultValue = "OPEN") Complaint.Status status, Paging paging) {
        CurrentCaller caller = caller();
        if (caller.isClient()) {
            return paging.of(complaints.findByEmailIndexOrderByReceivedAtDesc(caller.emailIndex().orElseThrow())
                    .stream().map(complaint -> view(complaint, true, false)).toList());
        }
        return paging.of(complaints.findByStatusOrderByDueDateAscReceivedAtAsc(status).stream()
                .map(complaint -> view(complaint, false, false)).toList());
    }

    @Operation(summary = "Read a complaint", description = "One complaint with its text, its answer and the"
            + " complainant's address, marked held when an erasure or restriction request holds it back. Privacy"
            + " officer and administrators only.")
    @GetMapping("/{id}")
    ComplaintBodies.View one(@PathVariable UUID id) {
        return view(handling.find(id), true, true);
    }

    @Operation(summary = "Assign a complaint", description = "Names the member of staff handling an open complaint."
            + " Privacy officer and administrators only; an answered complaint is a 409 problem.")
    @PostMapping("/{id}/assignment")
    ComplaintBodies.View assign(@PathVariable UUID id, @Valid @RequestBody ComplaintBodies.Assigned body) {
        return view(handling.assign(id, body.assignee()), true, true);
    }

    @Operation(summary = "Answer a complaint", description = "Answers an open complaint: the answer is kept sealed and"
            + " mailed to the complainant with the route to the ICO (sent again later if the mail fails now). Privacy"
            + " officer and administrators only; an answered complaint is a 409 problem.")
    @PostMapping("/{id}/answer")
    ComplaintBodies.View answer(@PathVariable UUID id, @Valid @RequestBody ComplaintBodies.Answered body) {
        return view(handling.answer(id, body.text(), caller().subject()), true, true);
    }

    private ComplaintBodies.View view(Complaint c, boolean withText, boolean withEmail) {
        LocalDate today = handling.today();
        return new ComplaintBodies.View(c.id, c.status.name(), c.channel.name(), c.receivedAt, c.dueDate,
                c.overdue(today), c.assignee, withText ? handling.text(c) : null,
                withText ? handling.answerText(c) : null, c.answeredAt, c.hold != null,
                withEmail ? handling.email(c) : null);
    }

    private static CurrentCaller caller() {
        return CurrentCaller.get().orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                "a signed-in caller is needed"));
    }
}
