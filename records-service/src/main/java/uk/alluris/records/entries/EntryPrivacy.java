package uk.alluris.records.entries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.ThirdPartyRedaction;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;

/**
 * What a privacy request does to clinical entries: counted for a restriction, photos' marketing use withdrawn on
 * objection or erasure, every entry exported decrypted with third parties' personal data redacted, and every entry of
 * a shredded subject removed from the live store.
 */
@Component
public class EntryPrivacy {

    public static final String CLINICAL_RECORDS = "clinical-records";
    public static final String PHOTOS = "clinical-photos";
    public static final String PHOTOS_MARKETING_USE = "photos-marketing-use";
    public static final String UNREADABLE = "This entry's encryption key was destroyed: its content can no longer be "
            + "read.";
    public static final String IMAGE = "The image itself is not stored by this service: these are the photo's details.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The {@code clinical-records} category: medical history, consultations, treatments, aftercare, consent forms.
     * {@code thirdPartyRedactions} says how many pieces of other people's data were taken out of this entry.
     */
    public record Entry(UUID entryId, String kind, Instant recordedAt, Object details, String notes, String recordedBy,
            int thirdPartyRedactions, String unreadable) {
    }

    /** The {@code clinical-photos} category: each photo's details and whether the clinic may use it in marketing. */
    public record Photo(UUID entryId, Instant recordedAt, Object details, String notes, boolean marketingUse,
            String recordedBy, int thirdPartyRedactions, String image, String unreadable) {
    }

    /** The {@code clinical-record-addenda} category: corrections to the person's entries, who made them, when, why. */
    public record Correction(UUID addendumId, UUID entryId, Instant addedAt, String addedBy, String reason,
            Object details, String notes, int thirdPartyRedactions, String unreadable) {
    }

    /** One subject's entries as the person receives them. */
    public record Exported(List<Entry> records, List<Photo> photos, List<Correction> addenda) {
    }

    public static final String ADDENDA = "clinical-record-addenda";

    private final ClinicalEntries entries;
    private final Addenda addenda;
    private final FieldCipher cipher;

    private final PrivacyEffects effects;

    EntryPrivacy(ClinicalEntries entries, Addenda addenda, FieldCipher cipher, PrivacyEffects effects) {
        this.effects = effects;
        this.entries = entries;
        this.addenda = addenda;
        this.cipher = cipher;
    }

    /** Returns how many clinical entries the subjects hold. */
    public int count(List<ClinicalSubject> subjects) {
        return subjects.stream().mapToInt(s -> entries.findBySubjectIdOrderByRecordedAtAsc(s.id()).size()).sum();
    }

    /** Withdraws every photo's marketing use; the receipt counts the photos it was withdrawn from. */
    public CategoryOutcome withdrawPhotoMarketing(List<ClinicalSubject> subjects) {
        List<ClinicalEntry> marketed = subjects.stream()
                .flatMap(subject -> entries.findBySubjectIdOrderByRecordedAtAsc(subject.id()).stream())
                .filter(ClinicalEntry::usedInMarketing).toList();
        // journalled before anything changes: a redelivery after a crash counts what this request withdrew
        int withdrawn = effects.planned(PHOTOS_MARKETING_USE + "-entries", marketed.stream().map(ClinicalEntry::id)
                .toList());
        for (ClinicalEntry entry : marketed) {
            entry.withdrawMarketingUse();
            entries.save(entry);
        }
        return CategoryOutcome.counted(PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, withdrawn);
    }

    /** Removes a shredded subject's ciphertext from the live store; returns how many entries went. */
    public long eraseAll(String subjectId) {
        addenda.deleteBySubjectId(subjectId);
        return entries.deleteBySubjectId(subjectId);
    }

    /**
     * Every entry of the subject, decrypted under their own key, photos apart; any entry whose ciphertext outlived its
     * key is exported as unreadable rather than failing.
     */
    public Exported export(ClinicalSubject person, ThirdPartyRedaction redaction) {
        List<Entry> records = new ArrayList<>();
        List<Photo> photos = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        // the key once and the addenda in one query, not per entry: hundreds of entries are read in one export
        FieldCipher.SubjectFields fields = cipher.fieldsOf(person.id());
        Map<UUID, List<Addendum>> addendaByEntry = addenda.findBySubjectIdOrderByAddedAtAsc(person.id()).stream()
                .collect(Collectors.groupingBy(Addendum::entryId));
        for (ClinicalEntry entry : entries.findBySubjectIdOrderByRecordedAtAsc(person.id())) {
            String entryId = entry.id().toString();
            Optional<String> fieldsJson = fields.decrypt(entryId, "fields", entry.encryptedFields());
            Optional<String> notes = fields.decrypt(entryId, "notes", entry.encryptedNotes());
            Optional<String> thirdPartiesJson = fields.decrypt(entryId, "thirdParties", entry.encryptedThirdParties());
            boolean unreadable = (entry.encryptedFields() != null && fieldsJson.isEmpty())
                    || (entry.encryptedNotes() != null && notes.isEmpty())
                    || (entry.encryptedThirdParties() != null && thirdPartiesJson.isEmpty());
            List<String> thirdParties = thirdPartiesJson
                    .map(json -> JSON.readValue(json, new TypeReference<List<String>>() { })).orElse(List.of());
            ThirdPartyRedaction.Redacted<Object> details = redaction.value(
                    fieldsJson.map(json -> (Object) JSON.readValue(json, new TypeReference<Map<String, Object>>() { }))
                            .orElse(null), thirdParties);
            ThirdPartyRedaction.Redacted<String> text = redaction.text(notes.orElse(null), thirdParties);
            int redactions = details.redactions() + text.redactions();
            String why = unreadable ? UNREADABLE : null;
            if (entry.kind() == EntryKind.PHOTO_METADATA) {
                photos.add(new Photo(entry.id(), entry.recordedAt(), details.value(), text.value(),
                        entry.usedInMarketing(), entry.recordedBy(), redactions, IMAGE, why));
            } else {
                records.add(new Entry(entry.id(), entry.kind().name(), entry.recordedAt(), details.value(),
                        text.value(), entry.recordedBy(), redactions, why));
            }
            addendaByEntry.getOrDefault(entry.id(), List.of())
                    .forEach(addendum -> corrections.add(correction(fields, addendum, thirdParties, redaction)));
        }
        return new Exported(records, photos, corrections);
    }

    private static Correction correction(FieldCipher.SubjectFields subject, Addendum addendum,
            List<String> thirdParties, ThirdPartyRedaction redaction) {
        String id = addendum.id().toString();
        Optional<String> reason = subject.decrypt(id, "reason", addendum.encryptedReason());
        Optional<String> notes = subject.decrypt(id, "notes", addendum.encryptedNotes());
        Optional<String> fields = subject.decrypt(id, "fields", addendum.encryptedFields());
        ThirdPartyRedaction.Redacted<String> why = redaction.text(reason.orElse(null), thirdParties);
        ThirdPartyRedaction.Redacted<String> text = redaction.text(notes.orElse(null), thirdParties);
        ThirdPartyRedaction.Redacted<Object> details = redaction.value(fields.map(EntryViews::map).orElse(null),
                thirdParties);
        return new Correction(addendum.id(), addendum.entryId(), addendum.addedAt(), addendum.addedBy(), why.value(),
                details.value(), text.value(), why.redactions() + text.redactions() + details.redactions(),
                reason.isEmpty() ? UNREADABLE : null);
    }
}
