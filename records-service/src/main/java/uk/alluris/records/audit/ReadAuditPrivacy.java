package uk.alluris.records.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.alluris.kit.privacy.ThirdPartyRedaction;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * What a privacy request does with the read log: an access or portability request gets the person's reads back (and
 * making that copy is itself an audited read); whether the person's reads need a reason says whether they are
 * restricted. The log itself goes with the records when they are shredded ({@link ReadAudit#eraseAll}).
 */
@Component
public class ReadAuditPrivacy {

    /** The {@code records-read-audit} category: who read the person's records, what, when, and why. */
    public record Exported(Instant at, String what, UUID itemId, String readBy, String reason) {
    }

    private final ReadAudit audit;

    ReadAuditPrivacy(ReadAudit audit) {
        this.audit = audit;
    }

    /** Whether reading the person's records needs a reason (restricted, or held only for retention). */
    public boolean isRestricted(ClinicalSubject subject) {
        return audit.isRestricted(subject);
    }

    /** Records the service's own read of the person's records, made to answer their request. */
    public void recordExportRead(ClinicalSubject subject, String reader, String reason) {
        audit.recordRead(subject, reader, reason);
    }

    /** The reads of a subject's records as the person gets them back, third parties' data redacted from the reasons. */
    public List<Exported> export(String subjectId, ThirdPartyRedaction redaction) {
        return audit.readsOf(subjectId).stream().map(read -> new Exported(read.at(), read.what(), read.entryId(),
                read.reader(), redaction.text(read.reason(), List.of()).value())).toList();
    }
}
