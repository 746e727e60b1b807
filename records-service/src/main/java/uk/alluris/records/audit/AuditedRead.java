package uk.alluris.records.audit;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Who read a restricted person's clinical records, when, which, and why. */
@Document("read_audit")
public record AuditedRead(@Id UUID id, @Indexed String subjectId, UUID entryId, String reader, String reason,
        Instant at) {
}
