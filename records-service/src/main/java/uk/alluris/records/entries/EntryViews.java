package uk.alluris.records.entries;

import io.swagger.v3.oas.annotations.media.Schema;
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
    record EntryView(
            @Schema(description = "The entry's id", example = "5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0") UUID id,
            @Schema(description = "The subject id of the person the entry is about",
                    example = "c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11")
            String subjectId,
            @Schema(description = "What kind of clinical record this is", example = "TREATMENT") EntryKind kind,
            @Schema(description = "When the care took place (ISO 8601 instant, UTC)", example = "2026-11-27T14:30:00Z")
            Instant recordedAt,
            @Schema(description = "The entry's structured details as written (a JSON object), decrypted; null when none "
                    + "were given", example = "{\"product\": \"Hyaluronic acid filler 1 ml\", \"volumeMl\": 0.8}")
            Map<String, Object> fields,
            @Schema(description = "The clinician's notes as written, decrypted; null when none were given",
                    example = "Medical history reviewed, no contraindications.") String notes,
            @Schema(description = "Retired flag kept on older photo entries: false or null on anything written now, and "
                    + "never a permission to use a photo for marketing", example = "false", deprecated = true)
            Boolean marketingUse,
            @Schema(description = "Who wrote the entry: the staff username from their token",
                    example = "clinician@alluris.local") String recordedBy,
            @Schema(description = "Whether the person's processing is restricted now (reads need a stated reason)",
                    example = "false") boolean restricted,
            @Schema(description = "Other people the entry names; empty when none. Redacted when the record is exported "
                    + "to the person", example = "[\"Referring GP, Example Street Surgery\"]") List<String> thirdParties,
            @Schema(description = "TREATMENT entries: the product batch numbers used, upper-case; null on other kinds",
                    example = "[\"LOT-24A117\"]") List<String> batchNumbers,
            @Schema(description = "Corrections to the entry, oldest first; the entry itself is never changed",
                    example = ADDENDA_EXAMPLE) List<AddendumView> addenda) {
    }

    /** A correction as read: what it adds, who added it, when and why. The entry it corrects is shown unchanged. */
    record AddendumView(
            @Schema(description = "The addendum's id", example = "9d2c4a71-6e3b-4f08-b5d1-0a7e3c9f2b64") UUID id,
            @Schema(description = "The id of the entry it corrects", example = "5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0")
            UUID entryId,
            @Schema(description = "Why the entry needed correcting, decrypted", example = "Units mistyped")
            String reason,
            @Schema(description = "The correction's notes, decrypted; null when it corrects fields only",
                    example = "12 units, not 20.") String notes,
            @Schema(description = "Corrected structured details (a JSON object), decrypted; null when it corrects "
                    + "notes only", example = "{\"units\": 12}") Map<String, Object> fields,
            @Schema(description = "Who added it: the staff username from their token",
                    example = "clinician@alluris.local") String addedBy,
            @Schema(description = "When it was added (ISO 8601 instant, UTC)", example = "2026-11-28T09:05:00Z")
            Instant addedAt) {
    }

    /** Examples of addenda and entries as the API document shows them (invented, about no one). */
    static final String ADDENDA_EXAMPLE = "[{\"id\": \"9d2c4a71-6e3b-4f08-b5d1-0a7e3c9f2b64\", "
            + "\"entryId\": \"5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0\", \"reason\": \"Units mistyped\", "
            + "\"notes\": \"12 units, not 20.\", \"fields\": {\"units\": 12}, \"addedBy\": \"clinician@alluris.local\", "
            + "\"addedAt\": \"2026-11-28T09:05:00Z\"}]";
    static final String ENTRIES_EXAMPLE = "[{\"id\": \"5b0e8f3a-2c47-4d19-8e6a-91f2c7d4b3e0\", "
            + "\"subjectId\": \"c3f9a1d2-5b7e-4c8a-9f10-2d4e6b8a0c11\", \"kind\": \"TREATMENT\", "
            + "\"recordedAt\": \"2026-11-27T14:30:00Z\", \"fields\": {\"units\": 20}, \"notes\": \"Glabella.\", "
            + "\"recordedBy\": \"clinician@alluris.local\", \"restricted\": false, \"thirdParties\": [], "
            + "\"batchNumbers\": [\"LOT-24A117\"], \"addenda\": " + ADDENDA_EXAMPLE + "}]";

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
