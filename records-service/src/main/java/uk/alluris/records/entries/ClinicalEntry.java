package uk.alluris.records.entries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One clinical record. Its {@code fields} (as JSON), {@code notes} and {@code thirdParties} (as a JSON list) are stored
 * only as ciphertext under the subject's own key; kind and time stay readable so that retention can be worked out
 * without decrypting anything.
 */
@Document("entries")
class ClinicalEntry {

    @Id
    UUID id;
    @Indexed
    String subjectId;
    EntryKind kind;
    Instant recordedAt;
    String encryptedFields;
    String encryptedNotes;
    /**
     * Other people the entry names (a companion, next of kin, a referring practitioner outside the clinic), as the
     * clinician listed them: their names are redacted wherever they appear when the entry is exported to the subject.
     */
    String encryptedThirdParties;
    /**
     * Legacy, photo entries only: whether a clinician marked the photo for marketing before the flag was retired (it
     * was never checked against the consent ledger; a photo's marketing use now lives on the photo, see
     * docs/clinical-records.md). Never set to true again; still shown, and withdrawn on objection or erasure, for the
     * entries that carry it.
     */
    Boolean marketingUse;
    String recordedBy;
    /**
     * Treatments only: the product batch (lot) numbers used, as printed on the product, kept readable and indexed so
     * that a manufacturer's recall finds every client treated from a batch. A batch number says nothing about the
     * person by itself.
     */
    @Indexed
    List<String> batchNumbers;

    static ClinicalEntry of(UUID id, String subjectId, EntryKind kind, Instant recordedAt, String encryptedFields,
            String encryptedNotes, String encryptedThirdParties, String recordedBy) {
        ClinicalEntry entry = new ClinicalEntry();
        entry.id = id;
        entry.subjectId = subjectId;
        entry.kind = kind;
        entry.recordedAt = recordedAt;
        entry.encryptedFields = encryptedFields;
        entry.encryptedNotes = encryptedNotes;
        entry.encryptedThirdParties = encryptedThirdParties;
        entry.marketingUse = kind == EntryKind.PHOTO_METADATA ? Boolean.FALSE : null;
        entry.recordedBy = recordedBy;
        return entry;
    }

    ClinicalEntry usingBatches(List<String> batches) {
        batchNumbers = batches == null || batches.isEmpty() ? null : List.copyOf(batches);
        return this;
    }

    List<String> batchNumbers() {
        return batchNumbers == null ? List.of() : batchNumbers;
    }

    public boolean usedInMarketing() {
        return Boolean.TRUE.equals(marketingUse);
    }

    public void withdrawMarketingUse() {
        marketingUse = Boolean.FALSE;
    }

    public UUID id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public EntryKind kind() {
        return kind;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String encryptedFields() {
        return encryptedFields;
    }

    public String encryptedNotes() {
        return encryptedNotes;
    }

    public String encryptedThirdParties() {
        return encryptedThirdParties;
    }

    public Boolean marketingUse() {
        return marketingUse;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
