package uk.alluris.records.entries;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;

/** Clinical entries as clinicians read them: decrypted under the subject's key, each with its addenda in order. */
@Component
class EntryViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code thirdParties}: the other people the entry names, redacted from it when it is exported to the subject. */
    record EntryView(UUID id, String subjectId, EntryKind kind, Instant recordedAt, Map<String, Object> fields,
            String notes, Boolean marketingUse, String recordedBy, boolean restricted, List<String> thirdParties,
            List<String> batchNumbers, List<AddendumView> addenda) {
    }

    /** A correction as read: what it adds, who added it, when and why. The entry it corrects is shown unchanged. */
    record AddendumView(UUID id, UUID entryId, String reason, String notes, Map<String, Object> fields, String addedBy,
            Instant addedAt) {
    }

    private final Addenda addenda;
    private final FieldCipher cipher;
    private final ReadAudit audit;

    EntryViews(Addenda addenda, FieldCipher cipher, ReadAudit audit) {
        this.addenda = addenda;
        this.cipher = cipher;
        this.audit = audit;
    }

    EntryView view(ClinicalEntry entry, ClinicalSubject subject) {
        String entryId = entry.id().toString();
        Map<String, Object> fields = map(cipher.decrypt(subject.id(), entryId, "fields", entry.encryptedFields())
                .orElse(null));
        String notes = cipher.decrypt(subject.id(), entryId, "notes", entry.encryptedNotes()).orElse(null);
        List<String> thirdParties = cipher.decrypt(subject.id(), entryId, "thirdParties", entry.encryptedThirdParties())
                .map(json -> JSON.readValue(json, new TypeReference<List<String>>() { })).orElse(List.of());
        return new EntryView(entry.id(), entry.subjectId(), entry.kind(), entry.recordedAt(), fields, notes,
                entry.marketingUse(), entry.recordedBy(), audit.isRestricted(subject), thirdParties,
                entry.batchNumbers(), addenda.findByEntryIdOrderByAddedAtAsc(entry.id()).stream()
                        .map(addendum -> view(addendum)).toList());
    }

    AddendumView view(Addendum addendum) {
        String subjectId = addendum.subjectId();
        String id = addendum.id().toString();
        return new AddendumView(addendum.id(), addendum.entryId(),
                cipher.decrypt(subjectId, id, "reason", addendum.encryptedReason()).orElse(null),
                cipher.decrypt(subjectId, id, "notes", addendum.encryptedNotes()).orElse(null),
                map(cipher.decrypt(subjectId, id, "fields", addendum.encryptedFields()).orElse(null)),
                addendum.addedBy(), addendum.addedAt());
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }
}
