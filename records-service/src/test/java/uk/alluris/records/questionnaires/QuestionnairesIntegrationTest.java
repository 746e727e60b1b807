package uk.alluris.records.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import java.util.List;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Medical questionnaires: versioned, answered encrypted, contraindications flagged for a clinician's review. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class QuestionnairesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    Restrictions restrictions;

    private final String clinician = TestTokens.get().staff("CLINICIAN");

    @Test
    void answersAreStoredEncryptedAndAContraindicationIsFlaggedForTheClinicianUntilReviewed() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String name = "history-" + UUID.randomUUID().toString().substring(0, 8);
        Answer template = calls.post("/api/records/questionnaire-templates", """
                {"name":"%s","questions":[
                  {"key":"pregnant","text":"Are you pregnant or breastfeeding?","kind":"YES_NO"},
                  {"key":"anticoagulants","text":"Do you take blood thinners?","kind":"YES_NO"},
                  {"key":"allergies","text":"Any allergies?","kind":"TEXT"}],
                 "rules":[
                  {"treatment":"botox","questionKey":"pregnant","concern":"pregnancy"},
                  {"treatment":"lip-filler","questionKey":"anticoagulants","concern":"anticoagulants: bruising"},
                  {"treatment":"lip-filler","questionKey":"allergies","concern":"allergy to an ingredient",
                   "ingredients":["lidocaine","hyaluronic acid"]}]}
                """.formatted(name), clinician);
        assertThat(template.status()).as(template.text()).isEqualTo(201);
        String email = "answers-" + UUID.randomUUID() + "@example.com";
        String subjectId = calls.post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"first visit"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician).json().path("subjectId").asString();

        Answer answered = calls.post("/api/records/subjects/" + subjectId + "/questionnaires", """
                {"templateId":"%s","answers":{"pregnant":false,"anticoagulants":false,"allergies":"Lidocaine, penicillin"}}
                """.formatted(template.json().path("id").asString()), TestTokens.get().client(indexer.email(email)));

        assertThat(answered.status()).as(answered.text()).isEqualTo(201);
        assertThat(answered.json().path("flags")).hasSize(1);
        JsonNode flag = answered.json().path("flags").get(0);
        assertThat(flag.path("treatment").asString()).isEqualTo("lip-filler");
        assertThat(flag.path("concern").asString()).isEqualTo("allergy to an ingredient");
        assertThat(mongo.getCollection("questionnaire_answers").find(new Document("subjectId", subjectId)).first()
                .toJson()).doesNotContain("Lidocaine").doesNotContain("penicillin");
        assertThat(mongo.getCollection("review_flags").find(new Document("subjectId", subjectId)).first().toJson())
                .doesNotContain("allergy");
        String flagId = flag.path("id").asString();
        assertThat(calls.get("/api/records/reviews", clinician).json()).extracting(f -> f.path("id").asString())
                .contains(flagId);

        Answer reviewed = calls.post("/api/records/reviews/" + flagId,
                "{\"decision\":\"NOT_SUITABLE\",\"note\":\"offer a lidocaine-free product\"}", clinician);

        assertThat(reviewed.json().path("open").asBoolean()).isFalse();
        assertThat(reviewed.json().path("reviewedBy").asString()).isEqualTo("staff-CLINICIAN");
        assertThat(calls.get("/api/records/reviews", clinician).json()).extracting(f -> f.path("id").asString())
                .doesNotContain(flagId);
        assertThat(calls.get("/api/records/subjects/" + subjectId + "/questionnaires", clinician).json().get(0)
                .path("answers").path("allergies").asString()).isEqualTo("Lidocaine, penicillin");
    }

    @Test
    void decidingARestrictedPersonsReviewNeedsAReasonAndEveryDecisionIsInTheirReadAudit() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        Answer template = calls.post("/api/records/questionnaire-templates", """
                {"name":"restricted-%s","questions":[{"key":"pregnant","text":"Are you pregnant?","kind":"YES_NO"}],
                 "rules":[{"treatment":"botox","questionKey":"pregnant","concern":"pregnancy"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8)), clinician);
        String email = "review-restricted-" + UUID.randomUUID() + "@example.com";
        String subjectId = calls.post("/api/records/entries", """
                {"email":"%s","kind":"CONSULTATION","recordedAt":"%s","notes":"first visit"}
                """.formatted(email, OffsetDateTime.now().minusHours(1)), clinician).json().path("subjectId").asString();
        String flagId = calls.post("/api/records/subjects/" + subjectId + "/questionnaires", """
                {"templateId":"%s","answers":{"pregnant":true}}""".formatted(template.json().path("id").asString()),
                TestTokens.get().client(indexer.email(email))).json().path("flags").get(0).path("id").asString();
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of()));
        String decision = "{\"decision\":\"NOT_SUITABLE\",\"note\":\"wait until after the pregnancy\"}";

        Answer withoutReason = calls.post("/api/records/reviews/" + flagId, decision, clinician);

        assertThat(withoutReason.status()).isEqualTo(403);
        assertThat(withoutReason.json().path("title").asString()).isEqualTo("Reason required");
        Answer decided = calls.post("/api/records/reviews/" + flagId + "?reason=safety%20check", decision, clinician);
        assertThat(decided.status()).as(decided.text()).isEqualTo(200);
        assertThat(decided.json().path("open").asBoolean()).isFalse();
        assertThat(calls.get("/api/records/subjects/" + subjectId + "/read-audit", clinician).json())
                .anySatisfy(read -> {
                    assertThat(read.path("what").asString()).isEqualTo("review");
                    assertThat(read.path("reason").asString()).isEqualTo("safety check");
                });
    }

    @Test
    void answersThatDoNotFitTheQuestionnaireOrSomeoneElsesRecordAreRefused() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String templateId = calls.post("/api/records/questionnaire-templates", """
                {"name":"short-%s","questions":[{"key":"pregnant","text":"Pregnant?","kind":"YES_NO"}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8)), clinician).json().path("id").asString();
        String subjectId = calls.post("/api/records/entries", """
                {"email":"refused-%s@example.com","kind":"CONSULTATION","recordedAt":"%s","notes":"n"}
                """.formatted(UUID.randomUUID(), OffsetDateTime.now().minusHours(1)), clinician).json()
                .path("subjectId").asString();
        String path = "/api/records/subjects/" + subjectId + "/questionnaires";

        Answer unknownQuestion = calls.post(path, "{\"templateId\":\"%s\",\"answers\":{\"smoker\":true}}"
                .formatted(templateId), clinician);
        Answer wrongKind = calls.post(path, "{\"templateId\":\"%s\",\"answers\":{\"pregnant\":\"maybe\"}}"
                .formatted(templateId), clinician);
        Answer strangerClient = calls.post(path, "{\"templateId\":\"%s\",\"answers\":{\"pregnant\":true}}"
                .formatted(templateId), TestTokens.get().client(indexer.email("stranger@example.com")));
        Answer badRule = calls.post("/api/records/questionnaire-templates", """
                {"name":"bad","questions":[{"key":"q","text":"?","kind":"YES_NO"}],
                 "rules":[{"treatment":"botox","questionKey":"other","concern":"c"}]}
                """, clinician);

        assertThat(unknownQuestion.status()).isEqualTo(400);
        assertThat(unknownQuestion.json().path("detail").asString()).contains("smoker");
        assertThat(wrongKind.json().path("detail").asString()).contains("answers.pregnant", "true or false");
        assertThat(strangerClient.status()).isEqualTo(404);
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(mongo.getCollection("questionnaire_answers").countDocuments(new Document("subjectId", subjectId)))
                .isZero();
    }
}
