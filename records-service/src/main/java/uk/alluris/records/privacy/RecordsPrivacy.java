package uk.alluris.records.privacy;

import uk.alluris.kit.privacy.ThirdPartyRedaction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.records.audit.ReadAudit;
import uk.alluris.records.entries.ClinicalEntries;
import uk.alluris.records.entries.ClinicalEntry;
import uk.alluris.records.entries.EntryKind;
import uk.alluris.records.keys.FieldCipher;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.ClinicalSubjects;

/**
 * What records does for each privacy request (ARCHITECTURE.md). Erasure keeps clinical records until their
 * retention date, restricted meanwhile, and erases them (by destroying the subject's key) when it passes — at once if
 * it already has; photos' marketing use is withdrawn at once. Restriction makes every read need a stated reason. An
 * access or portability request gets every clinical entry decrypted, with third parties' personal data redacted;
 * rectification corrects the identity fields this service holds (date of birth, and the blind indexes of email and
 * phone) — never the content of clinical entries.
 */
@Component
@EnableScheduling
class RecordsPrivacy implements PrivacyActions {

    static final String CLINICAL_RECORDS = "clinical-records";
    static final String PHOTOS_MARKETING_USE = "photos-marketing-use";
    static final String SUBJECT = "clinical-subject";
    static final String PHOTOS = "clinical-photos";
    static final String READ_AUDIT = "records-read-audit";
    static final String IDENTITY = "clinical-subject-identity";
    static final String EXPORT_READER = "records-service (privacy request)";
    static final String EXPORT_REASON = "copy of the records for the person's access or portability request";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(RecordsPrivacy.class);

    private final ClinicalSubjects subjects;
    private final ClinicalEntries entries;
    private final Restrictions restrictions;
    private final Shredding shredding;
    private final FieldCipher cipher;
    private final ReadAudit audit;
    private final BlindIndexer indexer;
    private final String phoneRegion;
    private final Clock clock;

    RecordsPrivacy(ClinicalSubjects subjects, ClinicalEntries entries, Restrictions restrictions, Shredding shredding,
            FieldCipher cipher, ReadAudit audit, BlindIndexer indexer, BlindIndexProperties platform, Clock clock) {
        this.subjects = subjects;
        this.entries = entries;
        this.restrictions = restrictions;
        this.shredding = shredding;
        this.cipher = cipher;
        this.audit = audit;
        this.indexer = indexer;
        this.phoneRegion = platform.defaultRegion();
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        List<CategoryOutcome> receipt = new ArrayList<>();
        int photos = 0;
        long erased = 0;
        int held = 0;
        LocalDate heldUntil = null;
        for (ClinicalSubject found : live(subject)) {
            photos += withdrawPhotoMarketing(found);
            List<ClinicalEntry> records = entries.findBySubjectIdOrderByRecordedAtAsc(found.id());
            LocalDate until = found.lastEntryOn() == null ? today
                    : RetentionRule.keepUntil(found.lastEntryOn(), found.dateOfBirth());
            if (today.isAfter(until)) {
                erased += shredding.shred(found, "erasure requested after the retention period ended");
            } else {
                found.holdForRetention(until);
                subjects.save(found);
                held += records.size();
                heldUntil = heldUntil == null || until.isAfter(heldUntil) ? until : heldUntil;
            }
        }
        if (held > 0) {
            receipt.add(CategoryOutcome.retained(CLINICAL_RECORDS, held, RetentionRule.legalGround(), heldUntil));
        }
        if (erased > 0 || held == 0) {
            receipt.add(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.ERASED, (int) erased));
        }
        receipt.add(CategoryOutcome.counted(PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, photos));
        return receipt;
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        return List.of(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.RESTRICTED, countEntries(subject)));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        return List.of(CategoryOutcome.counted(CLINICAL_RECORDS, Outcome.RESTRICTION_LIFTED, countEntries(subject)));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        int photos = live(subject).stream().mapToInt(this::withdrawPhotoMarketing).sum();
        return List.of(CategoryOutcome.counted(PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, photos));
    }

    /**
     * Every clinical entry of the person, decrypted under their own key, photos' details apart, with who read the
     * records outside routine care and why. Third parties' personal data is redacted from notes and details
     * ({@link ThirdPartyRedaction}). A subject whose key was destroyed is exported as exactly that — records erased by
     * crypto-shredding — rather than failing; so is any entry whose ciphertext outlived its key. Making the copy is
     * itself a read outside clinical care, so it is audited like one.
     */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        List<ClinicalSubject> found = subjects.findMatching(subject.subjectIds(), subject.emailIndexes(),
                subject.phoneIndexes());
        ThirdPartyRedaction redaction = new ThirdPartyRedaction(indexer, phoneRegion,
                union(subject.emailIndexes(), found.stream().map(ClinicalSubject::emailIndex)),
                union(subject.phoneIndexes(), found.stream().map(ClinicalSubject::phoneIndex)));
        List<RecordsExport.Subject> people = new ArrayList<>();
        List<RecordsExport.Entry> records = new ArrayList<>();
        List<RecordsExport.Photo> photos = new ArrayList<>();
        List<RecordsExport.Read> reads = new ArrayList<>();
        for (ClinicalSubject person : found) {
            if (person.erased()) {
                people.add(new RecordsExport.Subject(person.id(), null, null, person.lastEntryOn(), false, null,
                        person.keyDestroyedAt(), RecordsExport.SHREDDED));
            } else {
                audit.recordRead(person, EXPORT_READER, EXPORT_REASON);
                people.add(new RecordsExport.Subject(person.id(), person.dateOfBirth(), RecordsExport.CONTACT_DETAILS,
                        person.lastEntryOn(), audit.isRestricted(person), person.erasureDueOn(), null, null));
            }
            for (ClinicalEntry entry : entries.findBySubjectIdOrderByRecordedAtAsc(person.id())) {
                exportEntry(person, entry, redaction, records, photos);
            }
            audit.readsOf(person.id()).forEach(read -> reads.add(new RecordsExport.Read(read.at(), read.entryId(),
                    read.reader(), redaction.text(read.reason(), List.of()).value())));
        }
        return PersonalDataExport.builder().category(SUBJECT, people).category(CLINICAL_RECORDS, records)
                .category(PHOTOS, photos).category(READ_AUDIT, reads).build();
    }

    private void exportEntry(ClinicalSubject person, ClinicalEntry entry, ThirdPartyRedaction redaction,
            List<RecordsExport.Entry> records, List<RecordsExport.Photo> photos) {
        String entryId = entry.id().toString();
        Optional<String> fieldsJson = cipher.decrypt(person.id(), entryId, "fields", entry.encryptedFields());
        Optional<String> notes = cipher.decrypt(person.id(), entryId, "notes", entry.encryptedNotes());
        Optional<String> thirdPartiesJson = cipher.decrypt(person.id(), entryId, "thirdParties",
                entry.encryptedThirdParties());
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
        String why = unreadable ? RecordsExport.UNREADABLE : null;
        if (entry.kind() == EntryKind.PHOTO_METADATA) {
            photos.add(new RecordsExport.Photo(entry.id(), entry.recordedAt(), details.value(), text.value(),
                    entry.usedInMarketing(), entry.recordedBy(), redactions, RecordsExport.IMAGE, why));
        } else {
            records.add(new RecordsExport.Entry(entry.id(), entry.kind().name(), entry.recordedAt(), details.value(),
                    text.value(), entry.recordedBy(), redactions, why));
        }
    }

    /**
     * Corrects the identity fields records holds: the date of birth, and the email and phone as their blind indexes
     * (this service never stores them readable, nor a name — a name-only correction finds nothing held). The content of
     * clinical entries is never rewritten. A corrected date of birth moves a retention date already set, by the same
     * rule. An email address or phone number whose index another subject already holds is not applied (two people
     * must never share an index, and a correction must not make one person findable as another); the other
     * corrections still are. A restricted person stays restricted under their new details. A
     * value that cannot be normalised changes nothing and fails the request (retried, then parked in the DLQ).
     */
    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        String emailIndex = corrections.email() == null ? null : indexer.email(corrections.email());
        String phoneIndex = corrections.phone() == null ? null : indexer.phone(corrections.phone());
        LocalDate dateOfBirth = corrections.dateOfBirth();
        if (dateOfBirth != null && !dateOfBirth.isBefore(LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))))) {
            throw new IllegalArgumentException("a corrected date of birth must be in the past");
        }
        List<ClinicalSubject> found = live(subject);
        Set<String> theirs = found.stream().map(ClinicalSubject::id).collect(Collectors.toSet());
        if (emailIndex != null && subjects.findByEmailIndex(emailIndex).stream()
                .anyMatch(other -> !theirs.contains(other.id()))) {
            log.warn("rectification: the corrected email address is another subject's; left unchanged on {} subject(s)",
                    found.size());
            emailIndex = null;
        }
        if (phoneIndex != null && subjects.findByPhoneIndex(phoneIndex).stream()
                .anyMatch(other -> !theirs.contains(other.id()))) {
            log.warn("rectification: the corrected phone number is another subject's; left unchanged on {} subject(s)",
                    found.size());
            phoneIndex = null;
        }
        if (emailIndex == null && phoneIndex == null && dateOfBirth == null) {
            return List.of(CategoryOutcome.counted(IDENTITY, Outcome.RECTIFIED, 0));
        }
        for (ClinicalSubject person : found) {
            boolean restricted = restrictions.isRestricted(subject)
                    || restrictions.isRestricted(person.id(), person.emailIndex(), person.phoneIndex());
            person.correctIdentity(emailIndex, phoneIndex, dateOfBirth);
            if (dateOfBirth != null && person.heldForRetention() && person.lastEntryOn() != null) {
                person.holdForRetention(RetentionRule.keepUntil(person.lastEntryOn(), dateOfBirth));
            }
            subjects.save(person);
            if (restricted) {
                restrictions.restrict(new SubjectIdentifiers(List.of(person.id()), listOfNullable(person.emailIndex()),
                        listOfNullable(person.phoneIndex())));
            }
        }
        return List.of(CategoryOutcome.counted(IDENTITY, Outcome.RECTIFIED, found.size()));
    }

    private static Set<String> union(List<String> given, Stream<String> held) {
        return Stream.concat(given.stream(), held).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static List<String> listOfNullable(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private int withdrawPhotoMarketing(ClinicalSubject subject) {
        int withdrawn = 0;
        for (ClinicalEntry entry : entries.findBySubjectIdOrderByRecordedAtAsc(subject.id())) {
            if (entry.usedInMarketing()) {
                entry.withdrawMarketingUse();
                entries.save(entry);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    private int countEntries(SubjectIdentifiers subject) {
        return live(subject).stream().mapToInt(s -> entries.findBySubjectIdOrderByRecordedAtAsc(s.id()).size()).sum();
    }

    private List<ClinicalSubject> live(SubjectIdentifiers subject) {
        return subjects.findMatching(subject.subjectIds(), subject.emailIndexes(), subject.phoneIndexes()).stream()
                .filter(found -> !found.erased()).toList();
    }
}
