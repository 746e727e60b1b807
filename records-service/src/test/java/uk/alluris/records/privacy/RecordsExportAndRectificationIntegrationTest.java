package uk.alluris.records.privacy;

import uk.alluris.kit.privacy.ThirdPartyRedaction;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.alluris.records.privacy.RecordsPrivacyIntegrationTest.markedForMarketingBeforeTheFlagWasRetired;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.records.entries.EntryPrivacy;
import uk.alluris.records.subjects.ClinicalSubjects;
import uk.alluris.records.subjects.RetentionRule;
import uk.alluris.records.subjects.SubjectPrivacy;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Access/portability (decrypted, third parties redacted, shredded records said so) and rectification in records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class RecordsExportAndRectificationIntegrationTest {

    private static final String SERVICE = "records-service";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAME = ThirdPartyRedaction.NAME;
    private static final String EMAIL = ThirdPartyRedaction.EMAIL;
    private static final String PHONE = ThirdPartyRedaction.PHONE;
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TransportSeal transportSeal;
    @Autowired
    ClinicalSubjects subjects;

    private final String clinician = TestTokens.get().staff("CLINICIAN");
    private final String officer = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void anExportHoldsEveryEntryDecryptedWithThirdPartiesRedactedAndNothingOfAnotherPerson() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "export-" + UUID.randomUUID() + "@example.com";
        String history = entry(calls, email, "07911 123471", "MEDICAL_HISTORY", OffsetDateTime.now(ZoneOffset.UTC).minusDays(20),
                "{\"allergies\":[\"penicillin\"],\"nextOfKin\":\"Jane Doe, 07712 345678\"}",
                "Came with her sister jane  doe (jane.doe@example.org). Own number 07911 123471, email " + email + ".",
                "[\"Jane Doe\"]", null);
        String photo = entry(calls, email, null, "PHOTO_METADATA", OffsetDateTime.now(ZoneOffset.UTC).minusDays(10),
                "{\"area\":\"lips\",\"angle\":\"front\"}", "before treatment", null, true);
        String subjectId = calls.get("/api/records/entries/" + photo, clinician).json().path("subjectId").asString();
        // the clinician sees whom the entry names; it is stored encrypted like the rest
        assertThat(calls.get("/api/records/entries/" + history, clinician).json().path("thirdParties").get(0).asString())
                .isEqualTo("Jane Doe");
        assertThat(mongo.getCollection("entries").find(new Document("_id", UUID.fromString(history))).first().toJson())
                .doesNotContainIgnoringCase("jane").contains("encryptedThirdParties");
        assertThat(calls.get("/api/records/entries/" + history + "?reason=access%20request%20R-7", officer).status())
                .isEqualTo(200);
        String otherEmail = "other-" + UUID.randomUUID() + "@example.com";
        String otherEntry = entry(calls, otherEmail, null, "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusDays(5),
                "{\"concern\":\"other-persons-concern\"}", "other-persons-secret-note", null, null);
        String otherSubject = calls.get("/api/records/entries/" + otherEntry, clinician).json().path("subjectId").asString();
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, byEmail(email), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("clinical-subject", Outcome.EXPORTED, 1),
                CategoryOutcome.of("clinical-records", Outcome.EXPORTED, 1),
                CategoryOutcome.of("clinical-photos", Outcome.EXPORTED, 1),
                // the clinician's two reads, the privacy officer's, and the export's own
                CategoryOutcome.of("records-read-audit", Outcome.EXPORTED, 4),
                CategoryOutcome.of("clinical-record-addenda", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("photo-marketing-consents", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        String text = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode data = JSON.readTree(text).path("data");
        JsonNode person = data.path("clinical-subject").get(0);
        assertThat(person.path("subjectId").asString()).isEqualTo(subjectId);
        assertThat(person.path("dateOfBirth").asString()).isEqualTo("1980-02-02");
        assertThat(person.path("processingRestricted").asBoolean()).isFalse();
        JsonNode record = data.path("clinical-records").get(0);
        assertThat(record.path("entryId").asString()).isEqualTo(history);
        assertThat(record.path("kind").asString()).isEqualTo("MEDICAL_HISTORY");
        assertThat(record.path("details").path("allergies").get(0).asString()).isEqualTo("penicillin");
        assertThat(record.path("details").path("nextOfKin").asString()).isEqualTo(NAME + ", " + PHONE);
        assertThat(record.path("notes").asString()).isEqualTo("Came with her sister " + NAME + " (" + EMAIL
                + "). Own number 07911 123471, email " + email + ".");
        assertThat(record.path("thirdPartyRedactions").asInt()).isEqualTo(4);
        assertThat(record.path("recordedBy").asString()).isEqualTo("staff-CLINICIAN");
        JsonNode picture = data.path("clinical-photos").get(0);
        assertThat(picture.path("entryId").asString()).isEqualTo(photo);
        assertThat(picture.path("details").path("area").asString()).isEqualTo("lips");
        assertThat(picture.path("notes").asString()).isEqualTo("before treatment");
        assertThat(picture.path("marketingUse").asBoolean()).isTrue();
        assertThat(picture.path("image").asString()).isEqualTo(EntryPrivacy.IMAGE);
        assertThat(data.path("records-read-audit").valueStream().map(read -> read.path("reason").asString(null))
                .filter(java.util.Objects::nonNull).toList())
                .containsExactly("access request R-7", RecordsPrivacy.EXPORT_REASON);
        assertThat(text).doesNotContainIgnoringCase("jane").doesNotContain("345678").doesNotContain("\"thirdParties\"")
                .doesNotContain(otherEmail).doesNotContain(otherSubject).doesNotContain(otherEntry)
                .doesNotContain("other-persons").doesNotContain(indexer.email(email)).doesNotContain("encrypted")
                .doesNotContain("outbox");
    }

    @Test
    void aSubjectWhoseKeyWasDestroyedIsExportedAsErasedInsteadOfFailing() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "shredded-" + UUID.randomUUID() + "@example.com";
        String old = entry(calls, email, null, "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusYears(9), null,
                "long ago", null, null);
        String subjectId = calls.get("/api/records/entries/" + old, clinician).json().path("subjectId").asString();
        UUID erasure = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", erasure, byEmail(email)));
        assertThat(probe.receipt(erasure, SERVICE).categories())
                .contains(CategoryOutcome.of("clinical-records", Outcome.ERASED, 1));
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, new SubjectIdentifiers(List.of(subjectId), List.of(), List.of()), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("clinical-subject", Outcome.EXPORTED, 1),
                CategoryOutcome.of("clinical-records", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("clinical-photos", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("records-read-audit", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("clinical-record-addenda", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("photo-marketing-consents", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        JsonNode person = JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE))
                .path("data").path("clinical-subject").get(0);
        assertThat(person.path("subjectId").asString()).isEqualTo(subjectId);
        assertThat(person.path("note").asString()).isEqualTo(SubjectPrivacy.SHREDDED);
        assertThat(person.path("recordsErasedAt").isNull()).isFalse();
        assertThat(person.path("dateOfBirth").isNull()).isTrue();
    }

    @Test
    void anExportHoldsEachEntrysCorrectionsDecryptedInTheEntriesOrderAndNoneOfAnotherPerson() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "corrected-" + UUID.randomUUID() + "@example.com";
        String older = entry(calls, email, null, "TREATMENT", OffsetDateTime.now(ZoneOffset.UTC).minusDays(30),
                "{\"units\":20}", "20 units glabella", "[\"Jane Doe\"]", null);
        String newer = entry(calls, email, null, "AFTERCARE", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2),
                "{\"advice\":\"ice\"}", "aftercare given", null, null);
        String other = entry(calls, "other-" + UUID.randomUUID() + "@example.com", null, "TREATMENT",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), "{\"units\":5}", "someone else", null, null);
        // added newest entry first: the export still lists corrections by entry, then by when they were added
        addendum(calls, newer, "advice clarified", "ice for ten minutes");
        addendum(calls, older, "units mistyped", "12 units, not 20; Jane Doe was present");
        addendum(calls, older, "second look", "confirmed 12 units");
        addendum(calls, other, "not this person", "other-persons-correction");
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, byEmail(email), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).contains(CategoryOutcome.of("clinical-records", Outcome.EXPORTED, 2),
                CategoryOutcome.of("clinical-record-addenda", Outcome.EXPORTED, 3));
        String text = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode corrections = JSON.readTree(text).path("data").path("clinical-record-addenda");
        assertThat(corrections.valueStream().map(c -> c.path("entryId").asString() + ": " + c.path("reason").asString()))
                .containsExactly(older + ": units mistyped", older + ": second look", newer + ": advice clarified");
        assertThat(corrections.get(0).path("notes").asString()).isEqualTo("12 units, not 20; " + NAME + " was present");
        assertThat(corrections.get(0).path("thirdPartyRedactions").asInt()).isEqualTo(1);
        assertThat(corrections.get(2).path("notes").asString()).isEqualTo("ice for ten minutes");
        assertThat(text).doesNotContain("other-persons-correction").doesNotContain(other).doesNotContain("Jane Doe");
    }

    private void addendum(ServiceCalls calls, String entryId, String reason, String notes) {
        ServiceCalls.Answer answer = calls.post("/api/records/entries/" + entryId + "/addenda",
                "{\"reason\":" + JSON.writeValueAsString(reason) + ",\"notes\":" + JSON.writeValueAsString(notes) + "}",
                clinician);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    @Test
    void anEntryWhoseCiphertextOutlivedItsKeyIsExportedAsUnreadable() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "keyless-" + UUID.randomUUID() + "@example.com";
        String id = entry(calls, email, null, "TREATMENT", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                "{\"product\":\"Juvederm\"}", "treatment notes", null, null);
        String subjectId = calls.get("/api/records/entries/" + id, clinician).json().path("subjectId").asString();
        mongo.getCollection("subject_keys").deleteOne(new Document("_id", subjectId));
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(exportRequest(requestId, byEmail(email), key));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).contains(CategoryOutcome.of("clinical-records", Outcome.EXPORTED, 1));
        JsonNode record = JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE))
                .path("data").path("clinical-records").get(0);
        assertThat(record.path("entryId").asString()).isEqualTo(id);
        assertThat(record.path("kind").asString()).isEqualTo("TREATMENT");
        assertThat(record.path("unreadable").asString()).isEqualTo(EntryPrivacy.UNREADABLE);
        assertThat(record.path("notes").isNull()).isTrue();
        assertThat(record.path("details").isNull()).isTrue();
    }

    @Test
    void rectificationCorrectsTheIdentityFieldsAndThePersonIsFoundByTheNewDetailsOnly() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String oldEmail = "before-" + UUID.randomUUID() + "@example.com";
        String newEmail = "after-" + UUID.randomUUID() + "@example.com";
        String first = entry(calls, oldEmail, "07911 123472", "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3),
                null, "first visit", null, null);
        String subjectId = calls.get("/api/records/entries/" + first, clinician).json().path("subjectId").asString();
        String bystanderEmail = "bystander-" + UUID.randomUUID() + "@example.com";
        String bystander = calls.get("/api/records/entries/" + entry(calls, bystanderEmail, null, "CONSULTATION",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), null, "x", null, null), clinician).json()
                .path("subjectId").asString();
        UUID requestId = UUID.randomUUID();
        Corrections corrections = new Corrections("Ada Corrected", newEmail, "07911 123473", LocalDate.of(1981, 3, 3));

        probe.publish(rectification(requestId, byEmail(oldEmail), corrections));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-subject-identity", Outcome.RECTIFIED, 1));
        assertThat(calls.get("/api/records/subjects/" + subjectId, clinician).json().path("dateOfBirth").asString())
                .isEqualTo("1981-03-03");
        assertThat(subjects.findByEmailIndex(indexer.email(newEmail))).extracting(s -> s.id()).containsExactly(subjectId);
        assertThat(subjects.findByEmailIndex(indexer.email(oldEmail))).isEmpty();
        assertThat(subjects.findMatching(List.of(), List.of(), List.of(indexer.phone("07911 123473"))))
                .extracting(s -> s.id()).containsExactly(subjectId);
        assertThat(subjects.findById(bystander).orElseThrow().emailIndex()).isEqualTo(indexer.email(bystanderEmail));
        // a new entry under the corrected address joins the same person's records
        String next = entry(calls, newEmail, null, "AFTERCARE", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), null,
                "aftercare call", null, null);
        assertThat(calls.get("/api/records/entries/" + next, clinician).json().path("subjectId").asString())
                .isEqualTo(subjectId);
        // and a request naming the new address finds both entries; the old address finds nothing
        UUID byNew = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("RESTRICTION", byNew, byEmail(newEmail)));
        assertThat(probe.receipt(byNew, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-records", Outcome.RESTRICTED, 2),
                        CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                        CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        UUID byOld = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", byOld, byEmail(oldEmail)));
        assertThat(probe.receipt(byOld, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("photos-marketing-use", Outcome.NOT_HELD, 0));
    }

    @Test
    void thePersonsOwnEmailAndPhoneInTheirOwnNotesStayInAnySpellingWhileAnotherPersonsGo() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "own-" + UUID.randomUUID() + "@example.com";
        String own = "Email '" + email.toUpperCase() + "' or ..." + email + "; phone +44 7911 123474, 07911-123-474"
                + " or (07911) 123474.";
        entry(calls, email, "07911 123474", "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2),
                "{\"contact\":\"" + email + "-\"}", own + " Sister: 'sis@example.org', 07712 345679.", null, null);
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        // the request names the person by their proven email address only; the number is theirs because records
        // holds it for them
        probe.publish(exportRequest(requestId, byEmail(email), key));

        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);
        JsonNode record = JSON.readTree(new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE),
                StandardCharsets.UTF_8)).path("data").path("clinical-records").get(0);
        assertThat(record.path("notes").asString()).isEqualTo(own + " Sister: '" + EMAIL + "', " + PHONE + ".");
        assertThat(record.path("details").path("contact").asString()).isEqualTo(email + "-");
        assertThat(record.path("thirdPartyRedactions").asInt()).isEqualTo(2);
    }

    @Test
    void aCorrectionToAnEmailOrPhoneThatIdentifiesSomeoneElseIsNotApplied() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "corrector-" + UUID.randomUUID() + "@example.com";
        String victimEmail = "victim-" + UUID.randomUUID() + "@example.com";
        String subjectId = calls.get("/api/records/entries/" + entry(calls, email, "07911 123475", "CONSULTATION",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), null, "n", null, null), clinician).json()
                .path("subjectId").asString();
        String victimId = calls.get("/api/records/entries/" + entry(calls, victimEmail, "07911 123476", "CONSULTATION",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), null, "v", null, null), clinician).json()
                .path("subjectId").asString();
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail(email),
                new Corrections(null, victimEmail, "07911 123476", LocalDate.of(1979, 4, 4))));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-subject-identity", Outcome.RECTIFIED, 1));
        assertThat(subjects.findById(subjectId).orElseThrow().emailIndex()).isEqualTo(indexer.email(email));
        assertThat(subjects.findById(subjectId).orElseThrow().phoneIndex()).isEqualTo(indexer.phone("07911 123475"));
        assertThat(subjects.findById(subjectId).orElseThrow().dateOfBirth()).isEqualTo(LocalDate.of(1979, 4, 4));
        assertThat(subjects.findByEmailIndex(indexer.email(victimEmail))).extracting(s -> s.id()).containsExactly(victimId);
        assertThat(subjects.findByPhoneIndex(indexer.phone("07911 123476"))).extracting(s -> s.id())
                .containsExactly(victimId);
    }

    @Test
    void aCorrectedDateOfBirthMovesARetentionDateAlreadySet() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "minor-" + UUID.randomUUID() + "@example.com";
        OffsetDateTime lastVisit = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        LocalDate lastDay = lastVisit.atZoneSameInstant(CLINIC).toLocalDate();
        LocalDate childBirthday = lastDay.minusYears(16);
        String id = calls.post("/api/records/entries", """
                {"email":"%s","dateOfBirth":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"n"}
                """.formatted(email, childBirthday, lastVisit), clinician).json().path("id").asString();
        String subjectId = calls.get("/api/records/entries/" + id, clinician).json().path("subjectId").asString();
        UUID erasure = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", erasure, byEmail(email)));
        probe.receipt(erasure, SERVICE);
        assertThat(subjects.findById(subjectId).orElseThrow().erasureDueOn())
                .isEqualTo(RetentionRule.keepUntil(lastDay, childBirthday));
        UUID requestId = UUID.randomUUID();
        LocalDate adultBirthday = LocalDate.of(1980, 1, 1);

        probe.publish(rectification(requestId, byEmail(email), new Corrections(null, null, null, adultBirthday)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-subject-identity", Outcome.RECTIFIED, 1));
        assertThat(subjects.findById(subjectId).orElseThrow().erasureDueOn()).isEqualTo(lastDay.plusYears(8));
    }

    @Test
    void aNameOnlyCorrectionFindsNothingHeldBecauseRecordsHoldsNoName() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "named-" + UUID.randomUUID() + "@example.com";
        entry(calls, email, null, "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), null, "n", null, null);
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail(email), new Corrections("New Name", null, null, null)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-subject-identity", Outcome.NOT_HELD, 0));
    }

    private DataExportRequested exportRequest(UUID requestId, SubjectIdentifiers subject, KeysetHandle key) {
        return new DataExportRequested(UUID.randomUUID(), requestId, subject, LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key));
    }

    private RectificationRequested rectification(UUID requestId, SubjectIdentifiers subject, Corrections corrections) {
        return new RectificationRequested(UUID.randomUUID(), requestId, subject, LocalDate.now().plusMonths(1),
                Instant.now(), corrections.fields(), transportSeal.seal(corrections, requestId));
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    /** {@code fields} and {@code thirdParties} are JSON (or null); the subject is born 1980-02-02. */
    private String entry(ServiceCalls calls, String email, String phone, String kind, OffsetDateTime at, String fields,
            String notes, String thirdParties, Boolean legacyMarketingUse) {
        StringBuilder body = new StringBuilder("{\"email\":\"" + email + "\",\"dateOfBirth\":\"1980-02-02\",\"kind\":\""
                + kind + "\",\"recordedAt\":\"" + at + "\",\"notes\":" + JSON.writeValueAsString(notes));
        if (phone != null) {
            body.append(",\"phone\":\"").append(phone).append('"');
        }
        if (fields != null) {
            body.append(",\"fields\":").append(fields);
        }
        if (thirdParties != null) {
            body.append(",\"thirdParties\":").append(thirdParties);
        }
        ServiceCalls.Answer answer = calls.post("/api/records/entries", body.append('}').toString(), clinician);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        String id = answer.json().path("id").asString();
        if (Boolean.TRUE.equals(legacyMarketingUse)) {
            markedForMarketingBeforeTheFlagWasRetired(mongo, id);
        }
        return id;
    }
}
