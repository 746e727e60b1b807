package uk.alluris.records.entries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Clinical entries through records' own API: encrypted at rest, readable by clinicians, refused when malformed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class RecordsApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void fieldsAndNotesAreStoredOnlyAsCiphertextUnderTheSubjectsOwnKey() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "clinical-" + UUID.randomUUID() + "@example.com";
        Answer created = calls.post("/api/records/entries", """
                {"email":"%s","kind":"MEDICAL_HISTORY","recordedAt":"%s",
                 "fields":{"allergies":["penicillin"],"medications":"warfarin"},"notes":"Allergic to lidocaine"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String subjectId = created.json().path("subjectId").asString();
        Answer second = calls.post("/api/records/entries", """
                {"email":"%s","kind":"TREATMENT","recordedAt":"%s","fields":{"product":"Botox","batch":"B-77"}}
                """.formatted(email.toUpperCase(), OffsetDateTime.now().minusMinutes(5)), clinician);

        assertThat(second.json().path("subjectId").asString()).isEqualTo(subjectId);
        Document raw = mongo.getCollection("entries").find(new Document("_id", UUID.fromString(id))).first();
        assertThat(raw.toJson()).doesNotContain("penicillin").doesNotContain("warfarin").doesNotContain("lidocaine")
                .doesNotContain(email);
        assertThat(mongo.getCollection("subjects").find().into(new java.util.ArrayList<>()).toString()).doesNotContain(email);
        Answer read = calls.get("/api/records/entries/" + id, clinician);
        assertThat(read.json().path("fields").path("medications").asString()).isEqualTo("warfarin");
        assertThat(read.json().path("notes").asString()).isEqualTo("Allergic to lidocaine");
        assertThat(calls.get("/api/records/subjects/" + subjectId, clinician).json().path("entries")).hasSize(2);
    }

    @Test
    void thePrivacyOfficerReadsOnlyWithAStatedReasonAndEveryReadIsAudited() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String officer = TestTokens.get().staff("PRIVACY_OFFICER");
        Answer created = calls.post("/api/records/entries", """
                {"email":"officer-%s@example.com","kind":"CONSULTATION","recordedAt":"%s","notes":"discussed options"}
                """.formatted(UUID.randomUUID(), OffsetDateTime.now().minusHours(2)), clinician);
        String id = created.json().path("id").asString();

        assertThat(calls.get("/api/records/entries/" + id, officer).status()).isEqualTo(403);
        assertThat(calls.get("/api/records/entries/" + id + "?reason=access%20request%20R-1", officer).status()).isEqualTo(200);
        assertThat(calls.get("/api/records/subjects/" + created.json().path("subjectId").asString() + "/read-audit",
                officer).json()).extracting(node -> node.path("reason").asString()).containsExactly("access request R-1");
    }

    @Test
    void anAddendumCorrectsAnEntryAndLeavesTheOriginalIntactAndReadable() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        Answer created = calls.post("/api/records/entries", """
                {"email":"amended-%s@example.com","kind":"TREATMENT","recordedAt":"%s",
                 "fields":{"product":"Botox","units":20},"notes":"20 units glabella"}
                """.formatted(UUID.randomUUID(), OffsetDateTime.now().minusHours(3)), clinician);
        String id = created.json().path("id").asString();
        Document before = mongo.getCollection("entries").find(new Document("_id", UUID.fromString(id))).first();

        Answer addendum = calls.post("/api/records/entries/" + id + "/addenda", """
                {"reason":"units mistyped at the time","notes":"12 units glabella, not 20","fields":{"units":12}}
                """, clinician);

        assertThat(addendum.status()).as(addendum.text()).isEqualTo(201);
        assertThat(addendum.json().path("addedBy").asString()).isEqualTo("staff-CLINICIAN");
        assertThat(addendum.json().path("addedAt").isMissingNode()).isFalse();
        Document after = mongo.getCollection("entries").find(new Document("_id", UUID.fromString(id))).first();
        assertThat(after).isEqualTo(before);
        assertThat(mongo.getCollection("addenda").find(new Document("entryId", UUID.fromString(id))).first().toJson())
                .doesNotContain("mistyped").doesNotContain("12 units");
        JsonNode read = calls.get("/api/records/entries/" + id, clinician).json();
        assertThat(read.path("notes").asString()).isEqualTo("20 units glabella");
        assertThat(read.path("fields").path("units").asInt()).isEqualTo(20);
        JsonNode correction = read.path("addenda").get(0);
        assertThat(correction.path("reason").asString()).isEqualTo("units mistyped at the time");
        assertThat(correction.path("notes").asString()).isEqualTo("12 units glabella, not 20");
        assertThat(correction.path("fields").path("units").asInt()).isEqualTo(12);
        assertThat(calls.post("/api/records/entries/" + id + "/addenda", "{\"notes\":\"no reason\"}", clinician)
                .status()).isEqualTo(400);
        assertThat(calls.post("/api/records/entries/" + id + "/addenda", "{\"reason\":\"nothing said\"}", clinician)
                .status()).isEqualTo(400);
        assertThat(calls.post("/api/records/entries/" + UUID.randomUUID() + "/addenda",
                "{\"reason\":\"r\",\"notes\":\"n\"}", clinician).status()).isEqualTo(404);
    }

    @Test
    void everyReadOfClinicalDataIsAuditedWithWhoWhatAndWhen() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        Answer created = calls.post("/api/records/entries", """
                {"email":"audited-%s@example.com","kind":"CONSULTATION","recordedAt":"%s","notes":"routine"}
                """.formatted(UUID.randomUUID(), OffsetDateTime.now().minusHours(2)), clinician);
        String id = created.json().path("id").asString();
        String subjectId = created.json().path("subjectId").asString();

        calls.get("/api/records/entries/" + id, clinician);
        calls.get("/api/records/subjects/" + subjectId, clinician);

        JsonNode reads = calls.get("/api/records/subjects/" + subjectId + "/read-audit", clinician).json();
        assertThat(reads).extracting(read -> read.path("what").asString()).containsExactly("entry", "subject");
        assertThat(reads.get(0).path("entryId").asString()).isEqualTo(id);
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.path("reader").asString()).isEqualTo("staff-CLINICIAN");
            assertThat(read.path("at").isMissingNode()).isFalse();
        });
    }

    @Test
    void aRecallSearchFindsEveryClientTreatedFromABatchAndRecordsItInTheirReadLog() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String batch = ("LOT-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase();
        String first = treatedWith(calls, "recall-a-" + UUID.randomUUID() + "@example.com", batch.toLowerCase(), "OTHER-1");
        String second = treatedWith(calls, "recall-b-" + UUID.randomUUID() + "@example.com", batch);
        treatedWith(calls, "recall-c-" + UUID.randomUUID() + "@example.com", "OTHER-2");

        Answer recall = calls.get("/api/records/recalls?batch=" + batch + "&reason=manufacturer%20notice%2042",
                TestTokens.get().staff("ADMIN"));

        assertThat(recall.status()).as(recall.text()).isEqualTo(200);
        assertThat(recall.json().path("clients").asInt()).isEqualTo(2);
        assertThat(recall.json().path("treatments")).extracting(t -> t.path("subjectId").asString())
                .containsExactlyInAnyOrder(first, second);
        assertThat(calls.get("/api/records/subjects/" + first + "/read-audit", clinician).json())
                .extracting(read -> read.path("reason").asString())
                .contains("recall of batch " + batch + ": manufacturer notice 42");
        assertThat(calls.get("/api/records/recalls?batch=" + batch, clinician).status()).isEqualTo(400);
        assertThat(calls.get("/api/records/recalls?batch=" + batch + "&reason=x", TestTokens.get().staff("RECEPTION"))
                .status()).isEqualTo(403);
        assertThat(calls.post("/api/records/entries", """
                {"email":"a@example.com","kind":"CONSULTATION","recordedAt":"2026-01-01T10:00:00Z","batchNumbers":["B1"]}
                """, clinician).status()).isEqualTo(400);
    }

    private String treatedWith(ServiceCalls calls, String email, String... batches) {
        Answer created = calls.post("/api/records/entries", """
                {"email":"%s","kind":"TREATMENT","recordedAt":"%s","fields":{"product":"filler"},"batchNumbers":%s}
                """.formatted(email, OffsetDateTime.now().minusDays(1), "[\"" + String.join("\",\"", batches) + "\"]"),
                clinician);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("subjectId").asString();
    }

    @Test
    void thePrivacyOfficerMayReadClinicalEntriesButNotWriteThem() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String officer = TestTokens.get().staff("PRIVACY_OFFICER");
        String email = "officer-writes-" + UUID.randomUUID() + "@example.com";
        long before = mongo.getCollection("entries").countDocuments();

        Answer written = calls.post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"written by the officer"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), officer);

        assertThat(written.status()).isEqualTo(403);
        assertThat(written.contentType()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("entries").countDocuments()).isEqualTo(before);
        assertThat(calls.post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"written by the clinician"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician).status()).isEqualTo(201);
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        long before = mongo.getCollection("entries").countDocuments();
        List<Answer> answers = List.of(
                calls.post("/api/records/entries", "{\"email\":\"a@example.com\",\"kind\":\"HAIRCUT\",\"recordedAt\":\"2026-01-01T10:00:00Z\"}", clinician),
                calls.post("/api/records/entries", "{\"kind\":\"TREATMENT\",\"recordedAt\":\"2026-01-01T10:00:00Z\"}", clinician),
                calls.post("/api/records/entries", "{\"email\":\"not-an-email\",\"kind\":\"TREATMENT\",\"recordedAt\":\"2026-01-01T10:00:00Z\"}", clinician),
                calls.post("/api/records/entries", "{\"email\":\"a@example.com\",\"kind\":\"TREATMENT\"}", clinician),
                calls.get("/api/records/entries/not-a-uuid", clinician));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(mongo.getCollection("entries").countDocuments()).isEqualTo(before);
    }

    @Test
    void aPhotoEntryCanNoLongerBeMarkedForMarketingWithoutTheLedgerAndTheRefusalSaysWhereToChooseTheUse() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "flag-" + UUID.randomUUID() + "@example.com";
        long before = mongo.getCollection("entries").countDocuments();

        Answer flagged = calls.post("/api/records/entries", """
                {"email":"%s","kind":"PHOTO_METADATA","recordedAt":"%s","fields":{"area":"lips"},"marketingUse":true}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician);

        assertThat(flagged.status()).as(flagged.text()).isEqualTo(400);
        assertThat(flagged.isProblem()).isTrue();
        assertThat(flagged.json().path("detail").asString()).startsWith("marketingUse: retired")
                .contains("/api/records/photos/{photoId}/use");
        assertThat(mongo.getCollection("entries").countDocuments()).isEqualTo(before);
        Answer plain = calls.post("/api/records/entries", """
                {"email":"%s","kind":"PHOTO_METADATA","recordedAt":"%s","fields":{"area":"lips"},"marketingUse":false}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician);
        assertThat(plain.status()).as(plain.text()).isEqualTo(201);
        assertThat(plain.json().path("marketingUse").asBoolean()).isFalse();
    }
}
