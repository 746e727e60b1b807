package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import uk.alluris.local.PaymentSimulator;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * Issue 14's journey through the gateway, as the portal, the clinic and the processor's checkout would make it: a client
 * signed in by a mailed code books online from availability, pays the deposit on the simulator's checkout, is reminded
 * by mail and by SMS, cancels late and keeps no refund; a second client cancels early and is refunded with a receipt;
 * the first client's erasure then answers for every collection bookings added. The treatment and the practitioner are
 * the test's own, made by ADMIN, and the practitioner works all day every day, so the journey runs at any hour.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingJourneySystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String REMINDER_SMS = "Dr Alluris Aesthetics: a reminder of your appointment";

    private static RunningPlatform platform;
    private static Journey journey;
    private static PlatformClient client;
    private static String treatmentName;
    private static String treatment;
    private static String practitioner;
    private static String practitionerBody;
    private static String treatmentBody;
    /** The first client, who cancels late: the erasure test erases them. */
    private static Journey.Person late;
    private static String lateClientId;
    private static String lateAppointment;

    @BeforeAll
    static void openTheDiary() {
        platform = RunningPlatform.get();
        journey = new Journey();
        client = journey.client;
        StringBuilder allDay = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            allDay.append(allDay.isEmpty() ? "" : ",")
                    .append("{\"day\":\"%s\",\"start\":\"00:00\",\"end\":\"23:45\"}".formatted(day));
        }
        practitionerBody = """
                {"name":"Journey practitioner %s","roles":["SKIN_THERAPIST"],"weeklyHours":[%s]"""
                .formatted(UUID.randomUUID(), allDay);
        Answer hired = client.call("POST", "/api/bookings/practitioners", practitionerBody + "}", journey.admin);
        assertThat(hired.status()).as(hired.text()).isEqualTo(201);
        practitioner = hired.json().path("id").asString();
        treatmentName = "Journey facial " + UUID.randomUUID();
        treatmentBody = """
                {"name":"%s","durationMinutes":30,"pricePence":9000,"depositPence":2500,"minimumAge":0,
                 "aftercare":"Keep the skin clean and out of the sun for two days.\"""".formatted(treatmentName);
        Answer offered = client.call("POST", "/api/bookings/treatments", treatmentBody + "}", journey.admin);
        assertThat(offered.status()).as(offered.text()).isEqualTo(201);
        treatment = offered.json().path("id").asString();
    }

    /**
     * The all-day practitioner may give any treatment without a required role (the seeded peel too), so it is
     * withdrawn again: other system tests in this JVM book from the seeded clinic as it was.
     */
    @AfterAll
    static void closeTheDiary() {
        if (practitioner != null) {
            assertThat(client.call("PUT", "/api/bookings/practitioners/" + practitioner,
                    practitionerBody + ",\"active\":false}", journey.admin).status()).isEqualTo(200);
        }
        if (treatment != null) {
            assertThat(client.call("PUT", "/api/bookings/treatments/" + treatment,
                    treatmentBody + ",\"active\":false}", journey.admin).status()).isEqualTo(200);
        }
    }

    @Test
    @Order(1)
    void aClientBooksOnlineWithinADayPaysTheDepositIsRemindedByMailAndSmsAndCancellingLateKeepsNoRefund() {
        late = journey.person("late");
        String portal = client.clientToken(late.email());
        JsonNode registered = register(late, portal);
        lateClientId = registered.path("id").asString();
        String phone = registered.path("phone").asString();
        assertThat(phone).startsWith("+44");

        // within 24 hours, so the 24-hour reminder is due at once; inside 48 hours, so cancelling is late
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode booked = bookFirstFreeSlot(portal, now.plus(2, ChronoUnit.HOURS), now.plus(22, ChronoUnit.HOURS));
        lateAppointment = booked.path("id").asString();
        String intent = payDeposit(lateAppointment, portal);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailSubjects(late.email()))
                .anyMatch(subject -> subject.startsWith("Reminder: your " + treatmentName + " appointment on"))
                .contains("Receipt: deposit paid"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(textsTo(phone)).isNotEmpty());
        assertThat(textsTo(phone)).singleElement().satisfies(sms -> {
            assertThat(sms.path("body").asString()).startsWith(REMINDER_SMS);
            // a text shows on a locked screen: it never names the treatment
            assertThat(sms.path("body").asString()).doesNotContain(treatmentName);
        });
        assertThat(mailSubjects(late.email())).filteredOn(subject -> subject.startsWith("Reminder:")).hasSize(1);
        // reception saw a passport at the desk: the age evidence is a collection the erasure must answer for
        Answer checked = client.call("POST", "/api/bookings/clients/" + lateClientId + "/age-checks",
                "{\"documentType\":\"PASSPORT\"}", journey.reception);
        assertThat(checked.status()).as(checked.text()).isEqualTo(201);

        Answer cancelled = client.call("POST", "/api/bookings/appointments/" + lateAppointment + "/cancellation", null,
                portal);

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("lateCancellation").asBoolean()).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deposit(lateAppointment, portal).path("status")
                .asString()).isEqualTo("KEPT"));
        PaymentSimulator.Intent charged = platform.processor().intent(intent);
        assertThat(charged.status()).isEqualTo("succeeded");
        assertThat(charged.refunded()).as("a late cancellation is not refunded").isFalse();
        assertThat(mailSubjects(late.email())).doesNotContain("Receipt: deposit refunded");
    }

    @Test
    @Order(2)
    void aSecondClientBooksMoreThanTwoDaysAheadPaysCancelsEarlyAndIsRefundedWithAReceipt() {
        Journey.Person early = journey.person("early");
        String portal = client.clientToken(early.email());
        register(early, portal);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String appointment = bookFirstFreeSlot(portal, now.plus(3, ChronoUnit.DAYS), now.plus(4, ChronoUnit.DAYS))
                .path("id").asString();
        String intent = payDeposit(appointment, portal);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailSubjects(early.email()))
                .contains("Receipt: deposit paid"));

        Answer cancelled = client.call("POST", "/api/bookings/appointments/" + appointment + "/cancellation", null, portal);

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.json().path("lateCancellation").asBoolean()).isFalse();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deposit(appointment, portal).path("status").asString())
                .isEqualTo("REFUNDED"));
        assertThat(platform.processor().intent(intent).refunded()).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(mailSubjects(early.email()))
                .contains("Receipt: deposit refunded"));
        assertThat(mailSubjects(early.email())).filteredOn("Receipt: deposit refunded"::equals).hasSize(1);
    }

    @Test
    @Order(3)
    void theFirstClientsErasureCompletesAndBookingsReceiptAnswersForEveryNewCollection() {
        assertThat(lateAppointment).as("the first test's booking").isNotNull();

        JsonNode done = journey.awaitCompleted(fileAndVerifyErasure(late));

        JsonNode booking = done.path("services").path("booking-service");
        // the reminders and the deposit receipt were sent; the aftercare was called off by the cancellation
        assertThat(Journey.categories(booking)).containsExactly("contact-profile=ERASED/1",
                "future-appointments=ERASED/1", "past-appointments-identity=NOT_HELD/0", "payments=NOT_HELD/0",
                "age-checks=ERASED/1", "deposits-and-refunds=RETAINED/1", "scheduled-messages=NOT_HELD/0",
                "message-log=ERASED/5");
        JsonNode deposits = booking.path("receipt").valueStream()
                .filter(line -> line.path("category").asString().equals("deposits-and-refunds")).findFirst().orElseThrow();
        assertThat(deposits.path("legalGround").asString()).contains("financial records");
        assertThat(deposits.path("retainedUntil").asString()).isNotBlank();
        // the deposit is kept only as a financial record: nobody reads it as this person's any more
        assertThat(client.call("GET", "/api/bookings/appointments/" + lateAppointment + "/deposit", null,
                journey.reception).status()).isEqualTo(404);
        assertThat(client.call("GET", "/api/bookings/clients/" + lateClientId, null, journey.reception).status())
                .isEqualTo(404);
    }

    private static JsonNode register(Journey.Person person, String portal) {
        Answer registered = client.call("POST", "/api/bookings/clients", """
                {"fullName":"%s","email":"%s","phone":"%s","dateOfBirth":"1990-03-14"}
                """.formatted(person.fullName(), person.email(), person.phone()), portal);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        return registered.json();
    }

    /** Books, as the signed-in client, the first slot availability offers for the test's treatment in the window. */
    private static JsonNode bookFirstFreeSlot(String portal, Instant from, Instant to) {
        Answer slots = client.call("GET", "/api/bookings/availability?treatment=%s&practitioner=%s&from=%s&to=%s"
                .formatted(treatment, practitioner, from, to), null, portal);
        assertThat(slots.status()).as(slots.text()).isEqualTo(200);
        assertThat(slots.json().isEmpty()).as("free slots from " + from + " to " + to).isFalse();
        JsonNode slot = slots.json().get(0);
        Answer booked = client.call("POST", "/api/bookings/appointments", """
                {"treatmentId":"%s","practitionerId":"%s","start":"%s"}""".formatted(treatment,
                slot.path("practitionerId").asString(), slot.path("start").asString()), portal);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.json().path("status").asString()).isEqualTo("BOOKED");
        return booked.json();
    }

    /** Pays the appointment's deposit on the simulator's checkout page, as the client's browser would; the intent's id. */
    private static String payDeposit(String appointment, String portal) {
        JsonNode awaiting = deposit(appointment, portal);
        assertThat(awaiting.path("status").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(awaiting.path("amountPence").asLong()).isEqualTo(2500);
        String checkout = awaiting.path("checkoutUrl").asString();
        assertThat(checkout).startsWith("http://127.0.0.1:" + platform.processor().port() + "/checkout/");

        int paid = client.send(checkout, "POST", "", null, Optional.empty()).statusCode();

        assertThat(paid).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deposit(appointment, portal).path("status").asString())
                .isEqualTo("PAID"));
        return awaiting.path("intentId").asString();
    }

    private static JsonNode deposit(String appointment, String portal) {
        Answer deposit = client.call("GET", "/api/bookings/appointments/" + appointment + "/deposit", null, portal);
        assertThat(deposit.status()).as(deposit.text()).isEqualTo(200);
        return deposit.json();
    }

    /**
     * Files the erasure and proves the address by the mailed code, as ErasureJourneySystemTest does; this person has
     * had other mail already, so the code is looked for in any mail to them, not only the latest.
     */
    private static String fileAndVerifyErasure(Journey.Person person) {
        Answer filed = client.call("POST", "/api/privacy/requests", """
                {"type":"ERASURE","email":"%s","phone":"%s","fullName":"%s"}
                """.formatted(person.email(), person.phone(), person.fullName()), null);
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        String id = filed.json().path("id").asString();
        String code = await().atMost(PATIENCE).until(() -> mailedCode(person.email()), Optional::isPresent).orElseThrow();
        Answer verified = client.call("POST", "/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + code + "\"}", null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        return id;
    }

    private static Optional<String> mailedCode(String email) {
        return mailsTo(email).stream()
                .map(message -> Journey.CODE.matcher(GreenMailUtil.getBody(message).replaceAll("\\s+", " ")))
                .filter(Matcher::find).map(found -> found.group(1)).reduce((first, second) -> second);
    }

    private static List<String> mailSubjects(String email) {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mailsTo(email)) {
            try {
                subjects.add(message.getSubject());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    private static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(platform.mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** What the SMS sink received for this number, read over HTTP as anyone on the machine may. */
    private static List<JsonNode> textsTo(String phone) {
        var answer = client.send("http://127.0.0.1:" + platform.sms().port(), "GET",
                "/messages?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8), null, Optional.empty());
        assertThat(answer.statusCode()).isEqualTo(200);
        return new Answer(200, "application/json", answer.body()).json().valueStream().toList();
    }
}
