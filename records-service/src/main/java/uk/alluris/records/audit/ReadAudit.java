package uk.alluris.records.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.privacy.ThirdPartyRedaction;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * Reading a restricted person's records (restricted on request, or held only for retention after an erasure request)
 * needs a stated reason, and every such read is recorded.
 */
@Service
public class ReadAudit {

    /** The {@code records-read-audit} category: who read the records outside routine care, when, and why. */
    public record Exported(Instant at, UUID entryId, String readBy, String reason) {
    }

    private final MongoTemplate mongo;
    private final Restrictions restrictions;
    private final Clock clock;

    ReadAudit(MongoTemplate mongo, Restrictions restrictions, Clock clock) {
        this.mongo = mongo;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    public boolean isRestricted(ClinicalSubject subject) {
        return subject.heldForRetention()
                || restrictions.isRestricted(subject.id(), subject.emailIndex(), subject.phoneIndex());
    }

    /**
     * Lets the read go ahead or refuses it for want of a reason. A reason is needed, and the read recorded, when the
     * person is restricted, and whenever the reader is not a clinician (the privacy officer acting on a request).
     */
    public void beforeReading(ClinicalSubject subject, UUID entryId, String reader, String reason) {
        boolean clinician = CurrentCaller.get().map(caller -> caller.hasRole("CLINICIAN")).orElse(false);
        if (clinician && !isRestricted(subject)) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Reason required", clinician
                    ? "processing of this person's clinical records is restricted: state a reason (?reason=...) to read them"
                    : "outside clinical care, reading clinical records needs a stated reason (?reason=...)");
        }
        mongo.insert(new AuditedRead(UUID.randomUUID(), subject.id(), entryId, reader, reason.strip(), clock.instant()));
    }

    /** Records a read the service makes itself, outside any API call (e.g. exporting the records to the person). */
    public void recordRead(ClinicalSubject subject, String reader, String reason) {
        mongo.insert(new AuditedRead(UUID.randomUUID(), subject.id(), null, reader, reason, clock.instant()));
    }

    public List<AuditedRead> readsOf(String subjectId) {
        return mongo.find(new Query(Criteria.where("subjectId").is(subjectId)).with(Sort.by("at")), AuditedRead.class);
    }

    /** The reads of a subject's records as the person gets them back, third parties' data redacted from the reasons. */
    public List<Exported> export(String subjectId, ThirdPartyRedaction redaction) {
        return readsOf(subjectId).stream().map(read -> new Exported(read.at(), read.entryId(), read.reader(),
                redaction.text(read.reason(), List.of()).value())).toList();
    }
}
