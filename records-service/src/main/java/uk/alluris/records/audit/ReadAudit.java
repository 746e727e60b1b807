package uk.alluris.records.audit;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;
import uk.alluris.kit.security.CurrentCaller;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * Every read of clinical data is recorded: who, what, when, and the reason where one is required. Reading a
 * restricted person's records (restricted on request, or held only for retention after an erasure request) needs a
 * stated reason, and so does any read by someone who is not a clinician (the privacy officer acting on a request).
 */
@Service
public class ReadAudit {

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
     * Lets the read go ahead, recorded, or refuses it for want of a reason. A reason is needed when the person is
     * restricted, and whenever the reader is not a clinician (the privacy officer acting on a request, the client
     * reading their own form gives none: it is their own).
     */
    public void beforeReading(ClinicalSubject subject, String what, UUID itemId, String reader, String reason) {
        CurrentCaller caller = CurrentCaller.get().orElse(null);
        boolean clinician = caller != null && caller.hasRole("CLINICIAN");
        boolean ownRecord = caller != null && caller.isClient() && caller.is(subject.emailIndex());
        boolean reasonRequired = !ownRecord && (!clinician || isRestricted(subject));
        if (reasonRequired && (reason == null || reason.isBlank())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Reason required", clinician
                    ? "processing of this person's clinical records is restricted: state a reason (?reason=...) to read them"
                    : "outside clinical care, reading clinical records needs a stated reason (?reason=...)");
        }
        mongo.insert(new AuditedRead(UUID.randomUUID(), subject.id(), itemId, reader,
                reason == null || reason.isBlank() ? null : reason.strip(), clock.instant(), what));
    }

    /**
     * Records a read whose reason was checked by its caller (a recall search, which always needs one), for one person
     * it found.
     */
    public void recordRead(ClinicalSubject subject, String what, UUID itemId, String reader, String reason) {
        mongo.insert(new AuditedRead(UUID.randomUUID(), subject.id(), itemId, reader, reason, clock.instant(), what));
    }

    /** Records a read the service makes itself, outside any API call (e.g. exporting the records to the person). */
    void recordRead(ClinicalSubject subject, String reader, String reason) {
        mongo.insert(new AuditedRead(UUID.randomUUID(), subject.id(), null, reader, reason, clock.instant(), "export"));
    }

    /**
     * Removes a shredded subject's read log with the rest of their records: kept as long as the records are, it goes
     * when they go. Returns how many reads went.
     */
    public long eraseAll(String subjectId) {
        return mongo.remove(new Query(Criteria.where("subjectId").is(subjectId)), AuditedRead.class).getDeletedCount();
    }

    public List<AuditedRead> readsOf(String subjectId) {
        return mongo.find(new Query(Criteria.where("subjectId").is(subjectId)).with(Sort.by("at")), AuditedRead.class);
    }
}
