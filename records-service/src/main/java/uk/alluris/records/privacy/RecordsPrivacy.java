package uk.alluris.records.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexProperties;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.privacy.ThirdPartyRedaction;
import uk.alluris.records.audit.ReadAuditPrivacy;
import uk.alluris.records.entries.EntryPrivacy;
import uk.alluris.records.forms.FormPrivacy;
import uk.alluris.records.photos.PhotoConsentPrivacy;
import uk.alluris.records.photos.PhotoPrivacy;
import uk.alluris.records.questionnaires.QuestionnairePrivacy;
import uk.alluris.records.retention.RetentionPrivacy;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.SubjectPrivacy;

/**
 * What records does for each privacy request (docs/privacy-requests.md), composed from what each feature answers for
 * its own data, in receipt order. Erasure keeps clinical records — entries, photos, signed forms, questionnaires —
 * until their retention date, restricted meanwhile, and crypto-shreds them when it passes ({@link RetentionPrivacy});
 * photos' marketing use is withdrawn at once (before any shredding, so the receipt counts them) and records' copy of
 * the ledger's photo decisions erased. Restriction makes every read need a stated reason. Access and portability get
 * every entry, addendum, photo (thumbnail), form (PDF) and questionnaire decrypted, with third parties' personal data
 * redacted, and the person's read log; rectification corrects identity fields only ({@link SubjectPrivacy#rectify}).
 */
@Component
class RecordsPrivacy implements PrivacyActions {

    static final String EXPORT_READER = "records-service (privacy request)";
    static final String EXPORT_REASON = "copy of the records for the person's access or portability request";
    static final String READ_AUDIT = "records-read-audit";

    private final SubjectPrivacy subjects;
    private final EntryPrivacy entries;
    private final PhotoPrivacy photos;
    private final PhotoConsentPrivacy photoConsents;
    private final FormPrivacy forms;
    private final QuestionnairePrivacy questionnaires;
    private final RetentionPrivacy erasure;
    private final ReadAuditPrivacy audit;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final String phoneRegion;

    RecordsPrivacy(SubjectPrivacy subjects, EntryPrivacy entries, PhotoPrivacy photos,
            PhotoConsentPrivacy photoConsents, FormPrivacy forms, QuestionnairePrivacy questionnaires,
            RetentionPrivacy erasure, ReadAuditPrivacy audit, Restrictions restrictions, BlindIndexer indexer,
            BlindIndexProperties platform) {
        this.subjects = subjects;
        this.entries = entries;
        this.photos = photos;
        this.photoConsents = photoConsents;
        this.forms = forms;
        this.questionnaires = questionnaires;
        this.erasure = erasure;
        this.audit = audit;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.phoneRegion = platform.defaultRegion();
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        List<ClinicalSubject> live = subjects.live(subject);
        CategoryOutcome marketing = withdrawPhotoMarketing(live, "erasure requested");
        Map<String, Integer> images = photos.counts(live);
        Map<String, Integer> signed = forms.counts(live);
        Map<String, Integer> answered = questionnaires.counts(live);
        CategoryOutcome decisions = photoConsents.erase(live);
        List<CategoryOutcome> receipt = new ArrayList<>(erasure.erase(live));
        receipt.add(marketing);
        receipt.addAll(photos.afterErasure(live, images));
        receipt.add(decisions);
        receipt.addAll(forms.afterErasure(live, signed));
        receipt.addAll(questionnaires.afterErasure(live, answered));
        return receipt;
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        List<ClinicalSubject> live = subjects.live(subject);
        return List.of(CategoryOutcome.counted(EntryPrivacy.CLINICAL_RECORDS, Outcome.RESTRICTED, entries.count(live)),
                CategoryOutcome.counted(PhotoPrivacy.IMAGES, Outcome.RESTRICTED, photos.count(live)),
                CategoryOutcome.counted(FormPrivacy.FORMS, Outcome.RESTRICTED, forms.count(live)),
                CategoryOutcome.counted(QuestionnairePrivacy.QUESTIONNAIRES, Outcome.RESTRICTED,
                        questionnaires.count(live)));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        List<ClinicalSubject> live = subjects.live(subject);
        return List.of(CategoryOutcome.counted(EntryPrivacy.CLINICAL_RECORDS, Outcome.RESTRICTION_LIFTED,
                entries.count(live)), CategoryOutcome.counted(PhotoPrivacy.IMAGES, Outcome.RESTRICTION_LIFTED,
                photos.count(live)), CategoryOutcome.counted(FormPrivacy.FORMS, Outcome.RESTRICTION_LIFTED,
                forms.count(live)), CategoryOutcome.counted(QuestionnairePrivacy.QUESTIONNAIRES,
                Outcome.RESTRICTION_LIFTED, questionnaires.count(live)));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        return List.of(withdrawPhotoMarketing(subjects.live(subject), "objection to marketing"));
    }

    /** One count for the photos' marketing use: photo entries' flags and the photos' permitted uses together. */
    private CategoryOutcome withdrawPhotoMarketing(List<ClinicalSubject> live, String because) {
        int withdrawn = entries.withdrawPhotoMarketing(live).count() + photos.withdrawMarketing(live, because);
        return CategoryOutcome.counted(EntryPrivacy.PHOTOS_MARKETING_USE, Outcome.WITHDRAWN, withdrawn);
    }

    /**
     * Every subject the request matches, their entries and who read them outside routine care. The person's own
     * email and phone are not third-party data ({@link ThirdPartyRedaction}); a shredded subject is exported as
     * exactly that. Making the copy is itself a read outside clinical care, so it is audited like one.
     */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        List<ClinicalSubject> found = subjects.matching(subject);
        ThirdPartyRedaction redaction = new ThirdPartyRedaction(indexer, phoneRegion,
                union(subject.emailIndexes(), found.stream().map(ClinicalSubject::emailIndex)),
                union(subject.phoneIndexes(), found.stream().map(ClinicalSubject::phoneIndex)));
        List<SubjectPrivacy.Exported> people = new ArrayList<>();
        List<EntryPrivacy.Entry> records = new ArrayList<>();
        List<EntryPrivacy.Photo> photos = new ArrayList<>();
        List<EntryPrivacy.Correction> addenda = new ArrayList<>();
        List<PhotoPrivacy.Exported> images = new ArrayList<>();
        List<PhotoConsentPrivacy.Exported> decisions = new ArrayList<>();
        List<FormPrivacy.Exported> signed = new ArrayList<>();
        List<QuestionnairePrivacy.Exported> answered = new ArrayList<>();
        List<ReadAuditPrivacy.Exported> reads = new ArrayList<>();
        for (ClinicalSubject person : found) {
            if (!person.erased()) {
                audit.recordExportRead(person, EXPORT_READER, EXPORT_REASON);
            }
            people.add(subjects.export(person, !person.erased() && audit.isRestricted(person)));
            EntryPrivacy.Exported theirs = entries.export(person, redaction);
            records.addAll(theirs.records());
            photos.addAll(theirs.photos());
            addenda.addAll(theirs.addenda());
            images.addAll(this.photos.export(person, redaction));
            decisions.addAll(photoConsents.export(person));
            signed.addAll(forms.export(person));
            answered.addAll(questionnaires.export(person));
            reads.addAll(audit.export(person.id(), redaction));
        }
        return PersonalDataExport.builder().category(SubjectPrivacy.SUBJECT, people)
                .category(EntryPrivacy.CLINICAL_RECORDS, records).category(EntryPrivacy.PHOTOS, photos)
                .category(READ_AUDIT, reads)
                .category(EntryPrivacy.ADDENDA, addenda).category(PhotoPrivacy.IMAGES, images)
                .category(PhotoConsentPrivacy.DECISIONS, decisions).category(FormPrivacy.FORMS, signed)
                .category(QuestionnairePrivacy.QUESTIONNAIRES, answered).build();
    }

    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return List.of(subjects.rectify(subject, corrections));
    }

    private static Set<String> union(List<String> given, Stream<String> held) {
        return Stream.concat(given.stream(), held).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
