package uk.alluris.rights.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.rights.contact.ContactSeal;
import uk.alluris.rights.deadline.StatutoryDeadlines;

/** Logging a complaint (by the client or by staff), assigning it and answering it by mail with the ICO route. */
@Service
class HandlingComplaints {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Complaints complaints;
    private final ComplaintAllowance allowance;
    private final ComplaintMail mail;
    private final BlindIndexer indexer;
    private final ContactSeal seal;
    private final StatutoryDeadlines deadlines;
    private final Clock clock;

    HandlingComplaints(Complaints complaints, ComplaintAllowance allowance, ComplaintMail mail, BlindIndexer indexer,
            ContactSeal seal, StatutoryDeadlines deadlines, Clock clock) {
        this.complaints = complaints;
        this.allowance = allowance;
        this.mail = mail;
        this.indexer = indexer;
        this.seal = seal;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * A client complains under the address their sign-in proved (another address is refused: their token names only
     * its blind index) and within their daily allowance; staff log one for anyone, saying how it came in.
     */
    Complaint make(ComplaintBodies.Made body, CurrentCaller caller) {
        String email = Normalisation.email(body.email());
        String emailIndex = indexer.email(email);
        Instant now = clock.instant();
        LocalDate today = today(now);
        Complaint.Channel channel;
        if (caller.isClient()) {
            if (!caller.is(emailIndex)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Not your address",
                        "email must be the address you signed in with");
            }
            if (!allowance.spend(emailIndex, today)) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many complaints",
                        "at most " + ComplaintAllowance.PER_DAY + " complaints a day; please write to us or try tomorrow");
            }
            channel = Complaint.Channel.PORTAL;
        } else {
            if (body.channel() == null || body.channel().equals("PORTAL")) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid input",
                        "channel must say how the complaint reached staff: PHONE, EMAIL, LETTER or IN_PERSON");
            }
            channel = Complaint.Channel.valueOf(body.channel());
        }
        Complaint complaint = new Complaint();
        complaint.id = UUID.randomUUID();
        complaint.emailIndex = emailIndex;
        complaint.sealedEmail = seal.sealText(Complaint.SEALED_EMAIL, complaint.id, email);
        complaint.sealedText = seal.sealText(Complaint.SEALED_TEXT, complaint.id, body.text().strip());
        complaint.channel = channel;
        complaint.loggedBy = caller.subject();
        complaint.receivedAt = now;
        complaint.status = Complaint.Status.OPEN;
        complaint.dueDate = deadlines.dueDate(today);
        return complaints.save(complaint);
    }

    Complaint assign(UUID id, String assignee) {
        Complaint complaint = open(id);
        complaint.assignee = assignee.strip();
        return complaints.save(complaint);
    }

    /** Saved first, then mailed; a mail that fails is sent again by {@link ComplaintAnswerMailing}. */
    Complaint answer(UUID id, String text, String staff) {
        Complaint complaint = open(id);
        complaint.sealedAnswer = seal.sealText(Complaint.SEALED_ANSWER, complaint.id, text.strip());
        complaint.answeredBy = staff;
        complaint.answeredAt = clock.instant();
        complaint.status = Complaint.Status.ANSWERED;
        Complaint saved = complaints.save(complaint);
        try {
            return mailAnswer(saved);
        } catch (org.springframework.mail.MailException notYet) {
            return saved;
        }
    }

    Complaint mailAnswer(Complaint answered) {
        mail.sendAnswer(email(answered), answered.id, today(answered.receivedAt), answerText(answered));
        answered.answerMailedAt = clock.instant();
        return complaints.save(answered);
    }

    Complaint find(UUID id) {
        return complaints.findById(id).orElseThrow(() -> ProblemException.notFound("complaint " + id));
    }

    String text(Complaint complaint) {
        return seal.openText(Complaint.SEALED_TEXT, complaint.id, complaint.sealedText);
    }

    String answerText(Complaint complaint) {
        return seal.openText(Complaint.SEALED_ANSWER, complaint.id, complaint.sealedAnswer);
    }

    String email(Complaint complaint) {
        return seal.openText(Complaint.SEALED_EMAIL, complaint.id, complaint.sealedEmail);
    }

    LocalDate today() {
        return today(clock.instant());
    }

    private Complaint open(UUID id) {
        Complaint complaint = find(id);
        if (complaint.status != Complaint.Status.OPEN) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already answered", "complaint " + id + " is already answered");
        }
        return complaint;
    }

    private static LocalDate today(Instant instant) {
        return instant.atZone(LONDON).toLocalDate();
    }
}
