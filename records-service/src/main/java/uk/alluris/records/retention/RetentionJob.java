package uk.alluris.records.retention;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectPrivacy;

/** Erases held records once their retention date has passed: the erasure the person asked for, completed. */
@Component
@EnableScheduling
public class RetentionJob {

    private final SubjectPrivacy subjects;
    private final Shredding shredding;

    RetentionJob(SubjectPrivacy subjects, Shredding shredding) {
        this.subjects = subjects;
        this.shredding = shredding;
    }

    /** Returns how many subjects' records were erased this round: those kept until a day now past. */
    @Scheduled(fixedDelayString = "${alluris.records.retention-check-every:1h}", initialDelayString = "PT30S")
    public int eraseWhatIsDue() {
        int erased = 0;
        for (ClinicalSubject subject : subjects.heldUntilBefore(subjects.today())) {
            shredding.shred(subject, "retention period ended " + subject.erasureDueOn() + " after an erasure request");
            erased++;
        }
        return erased;
    }
}
