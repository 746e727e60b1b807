package uk.alluris.booking.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Clients, appointments and payments through booking's own API, with its access rules and its refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BookingApiIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void receptionRegistersAClientBooksAnAppointmentAndRecordsItsPayment() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "amelia-" + UUID.randomUUID() + "@example.com";
        Answer client = calls.post("/api/bookings/clients", """
                {"fullName":"Amelia Hart","email":"%s","phone":"07911 123456","dateOfBirth":"1990-04-02"}
                """.formatted(email.toUpperCase()), reception);
        assertThat(client.status()).isEqualTo(201);
        String clientId = client.json().path("id").asString();
        assertThat(client.json().path("email").asString()).isEqualTo(email);
        assertThat(client.json().path("phone").asString()).isEqualTo("+447911123456");

        Answer appointment = TestDiary.create(calls).book(clientId, reception, null,
                Instant.now().plus(Duration.ofDays(3)), "first visit");
        assertThat(appointment.status()).isEqualTo(201);
        String appointmentId = appointment.json().path("id").asString();

        Answer payment = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":25000,"status":"PAID","processorReference":"pi_3NfKq2LkdIwHu7ix"}
                """.formatted(appointmentId), reception);
        assertThat(payment.status()).isEqualTo(201);
        assertThat(payment.json().path("clientId").asString()).isEqualTo(clientId);

        assertThat(calls.get("/api/bookings/clients/" + clientId, reception).json().path("fullName").asString())
                .isEqualTo("Amelia Hart");
        assertThat(calls.get("/api/bookings/appointments/" + appointmentId, reception).status()).isEqualTo(200);
        assertThat(calls.get("/api/bookings/payments/" + payment.json().path("id").asString(), reception).status())
                .isEqualTo(200);
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/appointments", reception).json()).hasSize(1);
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/payments", reception).json()).hasSize(1);
    }

    @Test
    void aClientSeesOnlyTheirOwnBookingsAndNobodyElses() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String mine = "mine-" + UUID.randomUUID() + "@example.com";
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(mine));
        String myId = register(calls, mine, client).json().path("id").asString();
        String theirId = register(calls, theirs, reception).json().path("id").asString();

        assertThat(calls.get("/api/bookings/clients/" + myId, client).status()).isEqualTo(200);
        assertThat(calls.get("/api/bookings/clients/" + theirId, client).status()).isEqualTo(404);
        assertThat(calls.get("/api/bookings/clients/" + theirId + "/appointments", client).status()).isEqualTo(404);
        assertThat(register(calls, "someone-" + UUID.randomUUID() + "@example.com", client).status()).isEqualTo(403);
        TestDiary diary = TestDiary.create(calls);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        assertThat(diary.book(theirId, client, tomorrow).status()).isEqualTo(404);
        Answer mineBooked = diary.book(myId, client, tomorrow);
        assertThat(mineBooked.status()).as(mineBooked.text()).isEqualTo(201);
        // a client books for themselves without naming their id
        Answer withoutId = diary.book(null, client, tomorrow);
        assertThat(withoutId.status()).as(withoutId.text()).isEqualTo(201);
        assertThat(withoutId.json().path("clientId").asString()).isEqualTo(myId);
        // a client records no visit in free text, past or future
        assertThat(calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Peel","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(myId, OffsetDateTime.now().minusDays(1)), client).status()).isEqualTo(400);
        assertThat(calls.get("/api/bookings/appointments/" + withoutId.json().path("id").asString(), client).status())
                .isEqualTo(200);
    }

    @Test
    void aCardNumberOrBadInputIsA400ProblemAndNothingIsStored() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String clientId = register(calls, "card-" + UUID.randomUUID() + "@example.com", reception).json().path("id").asString();
        String appointmentId = calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Botox","practitioner":"Dr Alluris","start":"%s"}
                """.formatted(clientId, OffsetDateTime.now().minusDays(1)), reception).json().path("id").asString();
        long paymentsBefore = mongo.getCollection("payments").countDocuments();

        Answer card = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":100,"status":"PAID","processorReference":"4111 1111 1111 1111"}
                """.formatted(appointmentId), reception);
        Answer cardInNotes = calls.post("/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Botox","practitioner":"Dr Alluris","start":"%s","notes":"pays with 5555555555554444"}
                """.formatted(clientId, OffsetDateTime.now().plusDays(1)), reception);
        Answer badEmail = calls.post("/api/bookings/clients",
                "{\"fullName\":\"X\",\"email\":\"not-an-email\",\"dateOfBirth\":\"1990-01-01\"}", reception);
        Answer badPhone = calls.post("/api/bookings/clients",
                "{\"fullName\":\"X\",\"email\":\"x-" + UUID.randomUUID() + "@example.com\",\"phone\":\"12\",\"dateOfBirth\":\"1990-01-01\"}",
                reception);
        Answer unknownStatus = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":100,"status":"MAYBE","processorReference":"pi_1"}
                """.formatted(appointmentId), reception);
        Answer notAnId = calls.get("/api/bookings/clients/not-a-uuid", reception);

        assertThat(java.util.List.of(card, cardInNotes, badEmail, badPhone, unknownStatus, notAnId)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(card.json().path("detail").asString()).doesNotContain("4111");
        assertThat(mongo.getCollection("payments").countDocuments()).isEqualTo(paymentsBefore);
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/appointments", reception).json()).hasSize(1);
    }

    private Answer register(ServiceCalls calls, String email, String token) {
        return calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"%s","dateOfBirth":"1985-06-15"}
                """.formatted(email), token);
    }
}
