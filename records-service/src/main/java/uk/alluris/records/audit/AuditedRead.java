package uk.alluris.records.audit;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a person's clinical data: who read it, when, what ({@code what} names the kind of item — entry,
 * subject, photo, thumbnail, consent-form, questionnaire, recall — and {@code entryId} the item itself, when it is one)
 * and why, where a reason was required or given.
 */
@Document("read_audit")
public record AuditedRead(@Id UUID id, @Indexed String subjectId, UUID entryId, String reader, String reason,
        Instant at, String what) {
}
