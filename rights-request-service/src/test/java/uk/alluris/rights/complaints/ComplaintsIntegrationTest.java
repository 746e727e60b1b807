package uk.alluris.rights.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.rights.deadline.StatutoryDeadlines;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;

/**
 * Complaints: a client makes one under their own address (and no more than three a day), staff log one taken by phone,
 * list what is open by due date with the overdue marked, assign and answer; the answer is mailed with the ICO route,
 * and the client sees their complaint and its answer. The complaint and the address are sealed at rest.
 */
class ComplaintsIntegrationTest extends MailedRightsContext {

    private static final String OFFICER = TestTokens.get().staff("PRIVACY_OFFICER");

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Complaints complaints;
    @Autowired
    StatutoryDeadlines deadlines;

    @Test
    void aClientsComplaintIsDueInAMonthAnsweredByMailWithTheIcoRouteAndShownToThemWithItsAnswer() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "complainer-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        Answer made = calls.post("/api/privacy/complaints", """
                {"email":"%s","text":"You sent my treatment photos to the wrong address."}""".formatted(email), client);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        String id = made.json().path("id").asString();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(made.json().path("dueDate").asString()).isEqualTo(deadlines.dueDate(today).toString());
        assertThat(made.json().path("channel").asString()).isEqualTo("PORTAL");

        Document stored = mongo.getCollection("complaints").find(new Document("_id", UUID.fromString(id))).first();
        assertThat(stored.toJson()).doesNotContain(email).doesNotContain("wrong address");

        JsonNode queued = item(calls.get("/api/privacy/complaints?size=200", OFFICER), id);
        assertThat(queued.path("overdue").asBoolean()).isFalse();
        assertThat(calls.post("/api/privacy/complaints/" + id + "/assignment", "{\"assignee\":\"Dr Alluris\"}", OFFICER)
                .json().path("assignee").asString()).isEqualTo("Dr Alluris");
        Answer answered = calls.post("/api/privacy/complaints/" + id + "/answer",
                "{\"text\":\"We are sorry: the mail was sent to an old address, which we have now removed.\"}", OFFICER);
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(answered.json().path("status").asString()).isEqualTo("ANSWERED");

        await().atMost(Duration.ofSeconds(10)).until(() -> RightsTestCalls.messagesTo(MAIL, email).length == 1);
        String body = ((String) RightsTestCalls.messagesTo(MAIL, email)[0].getContent()).replaceAll("\\s+", " ");
        assertThat(body).contains("old address, which we have now removed").contains("ico.org.uk")
                .contains("0303 123 1113").contains(id);

        JsonNode own = calls.get("/api/privacy/complaints", client).json();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).path("answer").asString()).contains("old address");
        assertThat(own.get(0).path("text").asString()).contains("wrong address");
        Answer again = calls.post("/api/privacy/complaints/" + id + "/answer", "{\"text\":\"again\"}", OFFICER);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @Test
    void aClientComplainsOnlyUnderTheirOwnAddressAtMostThreeTimesADayAndWithinTheSizeLimit() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "often-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        String other = "{\"email\":\"someone-" + UUID.randomUUID() + "@example.com\",\"text\":\"x\"}";
        Answer notTheirs = calls.post("/api/privacy/complaints", other, client);
        assertThat(notTheirs.status()).isEqualTo(422);
        assertThat(notTheirs.json().path("detail").asString()).contains("email");

        Answer tooLong = calls.post("/api/privacy/complaints",
                "{\"email\":\"" + email + "\",\"text\":\"" + "a".repeat(5001) + "\"}", client);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asString()).isEqualTo("text");

        String body = "{\"email\":\"" + email + "\",\"text\":\"The reminder SMS named my treatment.\"}";
        for (int i = 0; i < ComplaintAllowance.PER_DAY; i++) {
            assertThat(calls.post("/api/privacy/complaints", body, client).status()).isEqualTo(201);
        }
        Answer fourth = calls.post("/api/privacy/complaints", body, client);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.isProblem()).isTrue();
        assertThat(complaints.findByEmailIndexOrderByReceivedAtDesc(indexer.email(email))).hasSize(3);
        assertThat(calls.get("/api/privacy/complaints/" + UUID.randomUUID(), client).status()).isEqualTo(403);
        assertThat(calls.post("/api/privacy/complaints", body, TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
    }

    @Test
    void staffLogAComplaintTakenByPhoneAndSeeAnOverdueOneFirstInTheQueue() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "caller-" + UUID.randomUUID() + "@example.com";
        Answer noChannel = calls.post("/api/privacy/complaints",
                "{\"email\":\"" + email + "\",\"text\":\"Phoned about a late answer.\"}", OFFICER);
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.json().path("detail").asString()).contains("channel");

        Answer logged = calls.post("/api/privacy/complaints",
                "{\"email\":\"" + email + "\",\"text\":\"Phoned about a late answer.\",\"channel\":\"PHONE\"}",
                TestTokens.get().staff("ADMIN"));
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        Complaint late = complaints.findById(UUID.fromString(logged.json().path("id").asString())).orElseThrow();
        late.receivedAt = Instant.now().minus(Duration.ofDays(45));
        late.dueDate = LocalDate.now(ZoneId.of("Europe/London")).minusDays(12);
        complaints.save(late);

        Answer queue = calls.get("/api/privacy/complaints?size=200", OFFICER);
        JsonNode first = queue.json().get(0);
        assertThat(first.path("dueDate").asString()).isLessThanOrEqualTo(late.dueDate.toString());
        JsonNode listed = item(queue, late.id.toString());
        assertThat(listed.path("overdue").asBoolean()).isTrue();
        assertThat(listed.path("channel").asString()).isEqualTo("PHONE");
        assertThat(queue.text()).doesNotContain(email).doesNotContain("late answer");
        assertThat(calls.get("/api/privacy/complaints/" + late.id, OFFICER).json().path("email").asString())
                .isEqualTo(email);
    }

    private static JsonNode item(Answer list, String id) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        for (JsonNode item : list.json()) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed in " + list.text());
    }
}
