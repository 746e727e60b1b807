package uk.alluris.records.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.retention.RetentionEnforcement;
import uk.alluris.records.subjects.ClinicalSubject;
import uk.alluris.records.subjects.RetentionRule;
import uk.alluris.testsupport.AdjustableClock;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Erasure, restriction and objection in records: retention holds, audited reads, crypto-shredding. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class RecordsPrivacyIntegrationTest {

    private static final String SERVICE = "records-service";
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RetentionEnforcement retention;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void erasureKeepsRecentRecordsRestrictedUntilTheirRetentionDateThenTheJobShredsThem() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "held-" + UUID.randomUUID() + "@example.com";
        OffsetDateTime lastVisit = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10);
        String treatment = entry(calls, email, "TREATMENT", lastVisit.minusDays(30), null);
        String photo = entry(calls, email, "PHOTO_METADATA", lastVisit, true);
        String subjectId = calls.get("/api/records/entries/" + photo, clinician).json().path("subjectId").asString();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email)));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        LocalDate until = lastVisit.atZoneSameInstant(CLINIC).toLocalDate().plusYears(8);
        assertThat(receipt.categories()).containsExactly(
                CategoryOutcome.retained("clinical-records", 2, RetentionRule.legalGround(), until),
                CategoryOutcome.of("photos-marketing-use", Outcome.WITHDRAWN, 1),
                CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("photo-marketing-consents", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        // held records are restricted: a read needs a reason, and is audited
        assertThat(calls.get("/api/records/entries/" + treatment, clinician).status()).isEqualTo(403);
        var read = calls.get("/api/records/entries/" + treatment + "?reason=complication%20follow-up", clinician);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("notes").asString()).isEqualTo("notes for TREATMENT");
        assertThat(calls.get("/api/records/entries/" + photo + "?reason=audit", clinician).json().path("marketingUse")
                .asBoolean()).isFalse();
        assertThat(calls.get("/api/records/subjects/" + subjectId + "/read-audit", clinician).json())
                .extracting(node -> node.path("reason").asString()).contains("complication follow-up", "audit");

        // the hold moved to a day long past, so that no other test's records in this store are due with it
        LocalDate lastDay = LocalDate.of(2004, 6, 30);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subjectId)), Update.update("erasureDueOn", lastDay),
                ClinicalSubject.class);
        retention.enforce(AdjustableClock.on(lastDay));
        assertThat(calls.get("/api/records/entries/" + treatment + "?reason=x", clinician).status()).isEqualTo(200);
        assertThat(retention.enforce(AdjustableClock.on(lastDay.plusDays(1))))
                .anySatisfy(logged -> assertThat(logged.category()).isEqualTo("clinical-records"));

        assertThat(calls.get("/api/records/entries/" + treatment + "?reason=x", clinician).status()).isEqualTo(404);
        assertThat(mongo.getCollection("subject_keys").countDocuments(new Document("_id", subjectId))).isZero();
        assertThat(probe.records(Topics.RECORDS_EVENTS, Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(subjectId))).allSatisfy(record ->
                assertThat(PrivacyRequestProbe.header(record, "ce_type")).hasValue("uk.alluris.records.SubjectKeyDestroyed.v1"));
    }

    @Test
    void recordsPastTheirRetentionDateAreErasedAtOnceByDestroyingTheKey() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "old-" + UUID.randomUUID() + "@example.com";
        String old = entry(calls, email, "CONSULTATION", OffsetDateTime.now(ZoneOffset.UTC).minusYears(9), null);
        String subjectId = calls.get("/api/records/entries/" + old, clinician).json().path("subjectId").asString();
        Document ciphertext = mongo.getCollection("entries").find(new Document("subjectId", subjectId)).first();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories()).containsExactly(
                CategoryOutcome.of("clinical-records", Outcome.ERASED, 1),
                CategoryOutcome.of("photos-marketing-use", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("photo-marketing-consents", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        assertThat(calls.get("/api/records/entries/" + old, clinician).status()).isEqualTo(404);
        assertThat(mongo.getCollection("subject_keys").countDocuments(new Document("_id", subjectId))).isZero();
        assertThat(ciphertext.getString("encryptedNotes")).isNotBlank().doesNotContain("notes for");
    }

    @Test
    void restrictionMakesEveryReadNeedAReasonUntilItIsLifted() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restricted-" + UUID.randomUUID() + "@example.com";
        String id = entry(calls, email, "MEDICAL_HISTORY", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), null);
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(email)));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-records", Outcome.RESTRICTED, 1),
                        CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                        CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        assertThat(calls.get("/api/records/entries/" + id, clinician).status()).isEqualTo(403);
        assertThat(calls.get("/api/records/entries/" + id, clinician).isProblem()).isTrue();

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, byEmail(email)));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("clinical-records", Outcome.RESTRICTION_LIFTED, 1),
                        CategoryOutcome.of("clinical-images", Outcome.NOT_HELD, 0),
                        CategoryOutcome.of("signed-consent-forms", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("medical-questionnaires", Outcome.NOT_HELD, 0));
        assertThat(calls.get("/api/records/entries/" + id, clinician).status()).isEqualTo(200);
    }

    @Test
    void anObjectionToMarketingWithdrawsTheMarketingUseALegacyPhotoEntryStillCarries() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "photos-" + UUID.randomUUID() + "@example.com";
        String photo = entry(calls, email, "PHOTO_METADATA", OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), true);
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId, byEmail(email)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("photos-marketing-use", Outcome.WITHDRAWN, 1));
        assertThat(calls.get("/api/records/entries/" + photo, clinician).json().path("marketingUse").asBoolean()).isFalse();
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private String entry(ServiceCalls calls, String email, String kind, OffsetDateTime at, Boolean legacyMarketingUse) {
        var answer = calls.post("/api/records/entries", """
                {"email":"%s","dateOfBirth":"1980-02-02","kind":"%s","recordedAt":"%s",
                 "fields":{"product":"Juvederm","dose":"1ml"},"notes":"notes for %s"}
                """.formatted(email, kind, at, kind), clinician);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        String id = answer.json().path("id").asString();
        if (Boolean.TRUE.equals(legacyMarketingUse)) {
            markedForMarketingBeforeTheFlagWasRetired(mongo, id);
        }
        return id;
    }

    /**
     * A photo entry as entries written before the {@code marketingUse} flag was retired may still carry it: the API no
     * longer sets it, so the stored document is changed directly.
     */
    static void markedForMarketingBeforeTheFlagWasRetired(MongoTemplate mongo, String entryId) {
        long changed = mongo.updateFirst(Query.query(Criteria.where("_id").is(UUID.fromString(entryId))),
                Update.update("marketingUse", true), "entries").getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }
}
