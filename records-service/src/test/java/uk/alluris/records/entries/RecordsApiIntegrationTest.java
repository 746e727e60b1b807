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
}
