package uk.alluris.booking.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Reception's desk work on booking's API: correcting a client's details (the rectification rules), recording a
 * payment's status (forward only), and what a client's and an appointment's view tell the desk (objected, when a
 * cancellation stops being free).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ReceptionDeskIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    Restrictions restrictions;
    @Autowired
    MongoTemplate mongo;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void receptionCorrectsAClientWhoIsThenFoundByTheNewDetailsOnlyWithAnAuditEntry() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String old = "old-" + UUID.randomUUID() + "@example.com";
        String corrected = "new-" + UUID.randomUUID() + "@example.com";
        String id = register(calls, old);

        Answer answer = calls.post("/api/bookings/clients/" + id + "/corrections", """
                {"fullName":"Amelia Hart-Jones","email":"%s","phone":"07911 200777"}
                """.formatted(corrected.toUpperCase()), reception);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(answer.json().path("email").asString()).isEqualTo(corrected);
        assertThat(answer.json().path("phone").asString()).isEqualTo("+447911200777");
        assertThat(calls.get("/api/bookings/clients?email=" + corrected, reception).json()).hasSize(1);
        assertThat(calls.get("/api/bookings/clients?email=" + old, reception).json()).isEmpty();
        Document stored = mongo.getCollection("clients").find(new Document("_id", UUID.fromString(id))).first();
        assertThat(stored.getString("emailIndex")).isEqualTo(indexer.email(corrected));
        List<?> audit = stored.getList("staffCorrections", Document.class);
        assertThat(audit).hasSize(1);
        assertThat(((Document) audit.get(0)).getList("fields", String.class))
                .containsExactly("fullName", "email", "phone");
        assertThat(audit.toString()).doesNotContain(corrected);
    }

    @Test
    void anotherClientsEmailIsRefusedAndNothingChanges() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        register(calls, theirs);
        String id = register(calls, "mine-" + UUID.randomUUID() + "@example.com");

        Answer taken = calls.post("/api/bookings/clients/" + id + "/corrections", """
                {"fullName":"Someone Else","email":"%s"}""".formatted(theirs), reception);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.isProblem()).isTrue();
        assertThat(taken.json().path("detail").asString()).contains("email").doesNotContain(theirs);
        assertThat(calls.get("/api/bookings/clients/" + id, reception).json().path("fullName").asString())
                .isEqualTo("Test Person");
    }

    @Test
    void aPhoneNumberLeftAsItWasIsNoClaimEvenWhenAnotherClientSharesIt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String shared = "07911 200888";
        String parent = calls.post("/api/bookings/clients", """
                {"fullName":"Parent","email":"parent-%s@example.com","phone":"%s","dateOfBirth":"1970-01-01"}
                """.formatted(UUID.randomUUID(), shared), reception).json().path("id").asString();
        String child = calls.post("/api/bookings/clients", """
                {"fullName":"Chid","email":"child-%s@example.com","phone":"%s","dateOfBirth":"2000-01-01"}
                """.formatted(UUID.randomUUID(), shared), reception).json().path("id").asString();

        Answer corrected = calls.post("/api/bookings/clients/" + child + "/corrections",
                "{\"fullName\":\"Child\",\"phone\":\"+447911200888\"}", reception);

        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.json().path("fullName").asString()).isEqualTo("Child");
        assertThat(calls.get("/api/bookings/clients/" + parent, reception).json().path("phone").asString())
                .isEqualTo("+447911200888");
    }

    @Test
    void aRestrictedClientStaysRestrictedUnderCorrectedDetails() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String id = register(calls, "restricted-" + UUID.randomUUID() + "@example.com");
        restrictions.restrict(new SubjectIdentifiers(List.of(id), List.of(), List.of()));
        String corrected = "moved-" + UUID.randomUUID() + "@example.com";

        calls.post("/api/bookings/clients/" + id + "/corrections", "{\"email\":\"" + corrected + "\"}", reception);

        assertThat(restrictions.isRestricted(null, indexer.email(corrected), null)).isTrue();
        assertThat(calls.get("/api/bookings/clients/" + id, reception).json().path("restricted").asBoolean()).isTrue();
    }

    @Test
    void onlyReceptionCorrectsAndBadInputIsAProblemNamingTheField() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "only-" + UUID.randomUUID() + "@example.com";
        String id = register(calls, email);
        String path = "/api/bookings/clients/" + id + "/corrections";

        assertThat(calls.post(path, "{\"fullName\":\"X\"}", TestTokens.get().staff("CLINICIAN")).status())
                .isEqualTo(403);
        assertThat(calls.post(path, "{\"fullName\":\"X\"}", TestTokens.get().client(indexer.email(email))).status())
                .isEqualTo(403);
        Answer nothing = calls.post(path, "{}", reception);
        Answer blankName = calls.post(path, "{\"fullName\":\"   \"}", reception);
        Answer badEmail = calls.post(path, "{\"email\":\"not-an-email\"}", reception);
        Answer futureBirth = calls.post(path, "{\"dateOfBirth\":\"2999-01-01\"}", reception);
        assertThat(List.of(nothing, blankName, badEmail, futureBirth)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(blankName.json().path("detail").asString()).contains("fullName");
        assertThat(futureBirth.json().path("detail").asString()).contains("dateOfBirth");
        assertThat(calls.post("/api/bookings/clients/" + UUID.randomUUID() + "/corrections", "{\"fullName\":\"X\"}",
                reception).status()).isEqualTo(404);
        assertThat(calls.get("/api/bookings/clients/" + id, reception).json().path("fullName").asString())
                .isEqualTo("Test Person");
    }

    @Test
    void thePaymentStatusMovesOnlyForwardAndOnlyStaffMarkIt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "pays-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, email);
        String appointmentId = TestDiary.create(calls).booked(clientId, reception, Instant.now().plus(Duration.ofDays(4)));
        String paymentId = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":5000,"status":"PENDING","processorReference":"desk-1"}
                """.formatted(appointmentId), reception).json().path("id").asString();
        String path = "/api/bookings/payments/" + paymentId + "/status";

        Answer paid = calls.post(path, "{\"status\":\"PAID\"}", reception);
        Answer backwards = calls.post(path, "{\"status\":\"PENDING\"}", reception);
        Answer unknown = calls.post(path, "{\"status\":\"MAYBE\"}", reception);
        Answer byClient = calls.post(path, "{\"status\":\"REFUNDED\"}", TestTokens.get().client(indexer.email(email)));
        Answer refunded = calls.post(path, "{\"status\":\"REFUNDED\"}", reception);

        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(paid.json().path("staffMarks").get(0).path("status").asString()).isEqualTo("PAID");
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(backwards.isProblem()).isTrue();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(byClient.status()).isEqualTo(403);
        assertThat(refunded.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(calls.post("/api/bookings/payments/" + UUID.randomUUID() + "/status", "{\"status\":\"PAID\"}",
                reception).status()).isEqualTo(404);
    }

    @Test
    void theDeskSeesAnObjectionAndWhenACancellationStopsBeingFree() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String clientId = register(calls, "objects-" + UUID.randomUUID() + "@example.com");
        assertThat(calls.get("/api/bookings/clients/" + clientId, reception).json().path("objected").asBoolean())
                .isFalse();
        mongo.updateFirst(query(where("_id").is(UUID.fromString(clientId))),
                Update.update("marketingObjectedAt", Instant.now()), "clients");
        String appointmentId = TestDiary.create(calls).booked(clientId, reception, Instant.now().plus(Duration.ofDays(5)));

        assertThat(calls.get("/api/bookings/clients/" + clientId, reception).json().path("objected").asBoolean())
                .isTrue();
        var appointment = calls.get("/api/bookings/appointments/" + appointmentId, reception).json();
        assertThat(Instant.parse(appointment.path("cancellableFreeUntil").asString()))
                .isEqualTo(Instant.parse(appointment.path("start").asString()).minus(Duration.ofHours(48)));
        var cancelled = calls.post("/api/bookings/appointments/" + appointmentId + "/cancellation", "", reception).json();
        assertThat(cancelled.path("cancellableFreeUntil").isString()).isFalse();
    }

    private String register(ServiceCalls calls, String email) {
        return calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"%s","dateOfBirth":"1985-06-15"}
                """.formatted(email), reception).json().path("id").asString();
    }
}
