package uk.alluris.rights.complaints;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends again every answer whose mail did not go (the mail server was down when it was given). */
@Component
class ComplaintAnswerMailing {

    private static final Logger log = LoggerFactory.getLogger(ComplaintAnswerMailing.class);

    private final Complaints complaints;
    private final HandlingComplaints handling;

    ComplaintAnswerMailing(Complaints complaints, HandlingComplaints handling) {
        this.complaints = complaints;
        this.handling = handling;
    }

    @Scheduled(fixedDelayString = "${alluris.rights.complaint-mail-every:1m}",
            initialDelayString = "${alluris.rights.complaint-mail-every:1m}")
    void mailUnsentComplaintAnswers() {
        for (Complaint answered : complaints.findByStatusAndAnswerMailedAtIsNull(Complaint.Status.ANSWERED)) {
            try {
                handling.mailAnswer(answered);
            } catch (MailException e) {
                log.warn("the answer to complaint {} could not be mailed yet: {}", answered.id, e.getClass().getSimpleName());
                return;
            }
        }
    }
}
