package uk.alluris.records.entries;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A correction to a clinical entry: the entry itself is never edited, so what was recorded stays readable beside what
 * was later corrected, by whom, when and why. Its reason, notes and fields are ciphertext under the subject's key, as
 * the entry's are.
 */
@Document("addenda")
record Addendum(@Id UUID id, @Indexed UUID entryId, @Indexed String subjectId, String encryptedReason,
        String encryptedNotes, String encryptedFields, String addedBy, Instant addedAt) {
}
