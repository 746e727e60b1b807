package uk.alluris.records.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.ClinicalSubjects;

/** Erases held records once their retention date has passed: the erasure the person asked for, completed. */
@Component
public class RetentionJob {

    private final ClinicalSubjects subjects;
    private final Shredding shredding;
    private final Clock clock;

    RetentionJob(ClinicalSubjects subjects, Shredding shredding, Clock clock) {
        this.subjects = subjects;
        this.shredding = shredding;
        this.clock = clock;
    }

    /** Returns how many subjects' records were erased this round: those kept until a day now past. */
    @Scheduled(fixedDelayString = "${alluris.records.retention-check-every:1h}", initialDelayString = "PT30S")
    public int eraseWhatIsDue() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        int erased = 0;
        for (ClinicalSubject subject : subjects.findByErasureDueOnLessThanEqual(today.minusDays(1))) {
            shredding.shred(subject, "retention period ended " + subject.erasureDueOn() + " after an erasure request");
            erased++;
        }
        return erased;
    }
}
