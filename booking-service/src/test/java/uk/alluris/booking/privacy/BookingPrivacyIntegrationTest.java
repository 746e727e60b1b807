package uk.alluris.booking.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.booking.testing.TestDiary;
import org.springframework.context.ApplicationEventPublisher;
import uk.alluris.booking.BookingTestInfrastructure;
import uk.alluris.booking.appointments.AppointmentEvents;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.PrivacyRequestEvent;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.local.PaymentSimulator;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Privacy requests arriving on Kafka, acted on per ARCHITECTURE.md, answered with receipts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BookingPrivacyIntegrationTest {

    private static final String SERVICE = "booking-service";
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    ApplicationEventPublisher events;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void erasureRemovesProfileAndFutureAppointmentsKeepsPastOnesAnonymousAndPaymentsForSixYears() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, email, "07911 123457");
        String past = book(calls, clientId, OffsetDateTime.now().minusDays(30), "mentioned her sister");
        String future = book(calls, clientId, OffsetDateTime.now().plusDays(30), "follow-up");
        String payment = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":30000,"status":"PAID","processorReference":"pi_erase_1"}
                """.formatted(past), reception).json().path("id").asString();
        assertThat(calls.post("/api/bookings/clients/" + clientId + "/age-checks",
                "{\"documentType\":\"DRIVING_LICENCE\"}", reception).status()).isEqualTo(201);
        UUID requestId = UUID.randomUUID();
        // the request names the person by their phone only: every identifier finds them
        PrivacyRequestEvent erasure = PrivacyRequestProbe.request("ERASURE", requestId,
                new SubjectIdentifiers(List.of(), List.of(), List.of(indexer.phone("+447911123457"))));

        probe.publish(erasure);
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.requestType()).isEqualTo("ERASURE");
        assertThat(receipt.categories()).containsExactly(
                CategoryOutcome.of("contact-profile", Outcome.ERASED, 1),
                CategoryOutcome.of("future-appointments", Outcome.ERASED, 1),
                CategoryOutcome.of("past-appointments-identity", Outcome.ERASED, 1),
                CategoryOutcome.retained("payments", 1, "Legal obligation: financial records (6 years)",
                        LocalDate.now(ZoneId.of("Europe/London")).plusYears(6)),
                CategoryOutcome.of("age-checks", Outcome.ERASED, 1),
                // the future booking's deposit is a financial record; its six unsent reminders and aftercare go
                CategoryOutcome.retained("deposits-and-refunds", 1, "Legal obligation: financial records (6 years)",
                        LocalDate.now(ZoneId.of("Europe/London")).plusYears(6)),
                CategoryOutcome.of("scheduled-messages", Outcome.ERASED, 6),
                CategoryOutcome.of("message-log", Outcome.NOT_HELD, 0));
        assertThat(calls.get("/api/bookings/clients/" + clientId, reception).status()).isEqualTo(404);
        assertThat(calls.get("/api/bookings/appointments/" + future, reception).status()).isEqualTo(404);
        assertThat(calls.get("/api/bookings/clients/" + clientId + "/age-checks", reception).status()).isEqualTo(404);
        assertThat(mongo.getCollection("slot_claims").countDocuments(new org.bson.Document("appointmentId",
                UUID.fromString(future)))).as("the erased future appointment's slot is free again").isZero();
        var kept = calls.get("/api/bookings/appointments/" + past, reception).json();
        assertThat(kept.path("clientId").isNull()).isTrue();
        assertThat(kept.path("notes").isNull()).isTrue();
        assertThat(kept.path("treatment").asString()).isEqualTo("Lip filler");
        assertThat(calls.get("/api/bookings/payments/" + payment, reception).json().path("amountPence").asLong())
                .isEqualTo(30000);

        // the same message again, and the same request asked again: nothing more happens, the same receipt comes back
        probe.publish(erasure);
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId, erasure.subject()));
        List<ReceiptIssued> receipts = probe.receipts(requestId, SERVICE, 2, Duration.ofSeconds(30));
        assertThat(receipts).extracting(ReceiptIssued::categories).containsOnly(receipt.categories());
        assertThat(calls.get("/api/bookings/payments/" + payment, reception).status()).isEqualTo(200);
    }

    @Test
    void erasureDeletesMessagesAndTheirLogAndRetainsThePaidDepositAsAFinancialRecord() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        PaymentSimulator processor = BookingTestInfrastructure.processor();
        processor.sendWebhooksTo("http://127.0.0.1:" + port + "/webhooks/payments");
        String email = "erase-messages-" + UUID.randomUUID() + "@example.com";
        UUID clientId = UUID.fromString(register(calls, email, "07911 200301"));
        UUID appointmentId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofHours(20));
        events.publishEvent(new AppointmentEvents.Booked(appointmentId, clientId, UUID.randomUUID(), "Lip filler",
                start, start.plus(Duration.ofMinutes(45)), 5000, "Avoid heat for 24 hours."));
        String deposit = "/api/bookings/appointments/" + appointmentId + "/deposit";
        processor.pay(calls.get(deposit, reception).json().path("intentId").asString());
        // the 24-hour reminder by mail and SMS and the deposit receipt go; aftercare by mail and SMS waits
        await().atMost(Duration.ofSeconds(20)).until(() -> BookingTestInfrastructure.mailTo(email).size() == 2
                && BookingTestInfrastructure.sms().messagesTo("+447911200301").size() == 1);
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId,
                new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of())));

        assertThat(probe.receipt(requestId, SERVICE).categories()).contains(
                CategoryOutcome.retained("deposits-and-refunds", 1, "Legal obligation: financial records (6 years)",
                        LocalDate.now(ZoneId.of("Europe/London")).plusYears(6)),
                CategoryOutcome.of("scheduled-messages", Outcome.ERASED, 2),
                CategoryOutcome.of("message-log", Outcome.ERASED, 3));
        assertThat(calls.get(deposit, reception).status()).isEqualTo(404);
    }

    @Test
    void restrictionStopsPromotionalContentAndNewBookingsUntilItIsLifted() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restrict-" + UUID.randomUUID() + "@example.com";
        String clientId = calls.post("/api/bookings/clients", """
                {"fullName":"Rae Stone","email":"%s","dateOfBirth":"1979-01-20","promotionalContent":true}
                """.formatted(email), reception).json().path("id").asString();
        SubjectIdentifiers subject = new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
        UUID restriction = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, subject));

        assertThat(probe.receipt(restriction, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RESTRICTED, 1),
                        CategoryOutcome.of("message-log", Outcome.NOT_HELD, 0));
        var restricted = calls.get("/api/bookings/clients/" + clientId, reception).json();
        assertThat(restricted.path("restricted").asBoolean()).isTrue();
        assertThat(restricted.path("promotionalContent").asBoolean()).isFalse();
        assertThat(calls.put("/api/bookings/clients/" + clientId + "/promotional-content", "{\"allowed\":true}", reception)
                .status()).isEqualTo(409);
        ServiceCalls.Answer refused = TestDiary.create(calls).book(clientId, reception, Instant.now().plus(Duration.ofDays(2)));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().path("rule").asString()).isEqualTo("restricted");
        assertThat(refused.json().path("detail").asString()).contains("restricted");
        // booked care goes on: its deposit is payable and its reminder is sent, with nothing promotional in it
        UUID appointmentId = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofHours(20));
        events.publishEvent(new AppointmentEvents.Booked(appointmentId, UUID.fromString(clientId), UUID.randomUUID(),
                "Lip filler", start, start.plus(Duration.ofMinutes(45)), 5000, ""));
        assertThat(calls.get("/api/bookings/appointments/" + appointmentId + "/deposit", reception).json().path("status")
                .asString()).isEqualTo("AWAITING_PAYMENT");
        await().atMost(Duration.ofSeconds(20)).until(() -> !BookingTestInfrastructure.mailTo(email).isEmpty());
        assertThat(BookingTestInfrastructure.text(BookingTestInfrastructure.mailTo(email).get(0)))
                .contains("reminder of your Lip filler appointment").doesNotContainIgnoringCase("offer");

        UUID lift = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("LIFT_RESTRICTION", lift, subject));

        assertThat(probe.receipt(lift, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RESTRICTION_LIFTED, 1));
        assertThat(calls.put("/api/bookings/clients/" + clientId + "/promotional-content", "{\"allowed\":true}", reception)
                .json().path("promotionalContent").asBoolean()).isTrue();
        assertThat(book(calls, clientId, OffsetDateTime.now().plusDays(2), "booked again")).isNotBlank();
    }

    @Test
    void anObjectionToMarketingStopsPromotionalContentAndTheDiaryTellsStaff() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "object-" + UUID.randomUUID() + "@example.com";
        String clientId = calls.post("/api/bookings/clients", """
                {"fullName":"Obi Jones","email":"%s","dateOfBirth":"1988-03-03","promotionalContent":true}
                """.formatted(email), reception).json().path("id").asString();
        TestDiary diary = TestDiary.create(calls);
        String start = diary.book(clientId, reception, Instant.now().plus(Duration.ofDays(2))).json().path("start")
                .asString();
        String day = "/api/bookings/diary?date=%s&practitioner=%s".formatted(Instant.parse(start)
                .atZone(ZoneId.of("Europe/London")).toLocalDate(), diary.practitionerId());
        assertThat(calls.get(day, reception).json().get(0).path("objected").asBoolean()).isFalse();
        UUID requestId = UUID.randomUUID();

        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", requestId,
                new SubjectIdentifiers(List.of(clientId), List.of(), List.of())));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("promotional-content", Outcome.WITHDRAWN, 1));
        assertThat(calls.get("/api/bookings/clients/" + clientId, reception).json().path("promotionalContent").asBoolean())
                .isFalse();
        JsonNode entry = calls.get(day, reception).json().get(0);
        assertThat(entry.path("clientName").asString()).isEqualTo("Obi Jones");
        assertThat(entry.path("objected").asBoolean()).isTrue();
        assertThat(entry.path("restricted").asBoolean()).isFalse();
    }

    @Test
    void aPersonBookingNeverMetGetsAReceiptSayingNothingIsHeld() {
        UUID requestId = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId,
                new SubjectIdentifiers(List.of(), List.of(indexer.email("stranger@example.com")), List.of())));

        assertThat(probe.receipt(requestId, SERVICE).categories()).extracting(CategoryOutcome::outcome)
                .containsOnly(Outcome.NOT_HELD);
    }

    @Test
    void aMalformedRequestIsParkedInTheDeadLetterTopicAndTheNextOneIsStillAnswered() {
        String marker = "malformed-" + UUID.randomUUID();
        probe.publishRaw(Topics.PRIVACY_REQUESTS, marker, "{\"not\":\"" + marker + "\"", "uk.alluris.privacy.ErasureRequested.v1");
        UUID requestId = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("ERASURE", requestId,
                new SubjectIdentifiers(List.of(), List.of(indexer.email("after-" + marker + "@example.com")), List.of())));

        assertThat(probe.receipt(requestId, SERVICE)).isNotNull();
        assertThat(probe.records(Topics.deadLetterTopic(Topics.PRIVACY_REQUESTS, SERVICE), Duration.ofSeconds(30), 1,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))).hasSize(1);
    }

    @Test
    void registeringAClientAnnouncesTheSubjectOnKafkaWithoutPlaintext() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "announce-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, email, "07911 123458");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(probe.records(Topics.BOOKING_EVENTS,
                Duration.ofSeconds(5), 1, r -> new String(r.value(), StandardCharsets.UTF_8).contains(clientId)))
                .allSatisfy(record -> {
                    String body = new String(record.value(), StandardCharsets.UTF_8);
                    assertThat(body).contains(indexer.email(email)).doesNotContain(email).doesNotContain("123458")
                            .doesNotContain("Test Person");
                    assertThat(PrivacyRequestProbe.header(record, "ce_type")).hasValue("uk.alluris.booking.ClientRegistered.v1");
                }));
    }

    private String register(ServiceCalls calls, String email, String phone) {
        return calls.post("/api/bookings/clients", """
                {"fullName":"Test Person","email":"%s","phone":"%s","dateOfBirth":"1985-06-15"}
                """.formatted(email, phone), reception).json().path("id").asString();
    }

    /** A past visit is recorded in free text; a future one takes a slot from the test's own diary. */
    private String book(ServiceCalls calls, String clientId, OffsetDateTime start, String notes) {
        ServiceCalls.Answer answer = start.isAfter(OffsetDateTime.now())
                ? TestDiary.create(calls).book(clientId, reception, null, start.toInstant(), notes)
                : calls.post("/api/bookings/appointments", """
                        {"clientId":"%s","treatment":"Lip filler","practitioner":"Dr Alluris","start":"%s","notes":"%s"}
                        """.formatted(clientId, start, notes), reception);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }
}
