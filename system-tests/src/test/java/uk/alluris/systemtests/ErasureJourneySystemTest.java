package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * One person with data in all four data-holding services asks, through the gateway, to be erased: the request is
 * verified, fans out, every service acts as ARCHITECTURE.md says and answers, and the request completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureJourneySystemTest {

    private static final Pattern CODE = Pattern.compile("enter this code: (\\d{6})");
    private static RunningPlatform platform;
    private static PlatformClient client;
    private static String reception;
    private static String clinician;
    private static String officer;
    private static String admin;
    /** Every plaintext personal detail the journeys used: none may appear in any Kafka topic. */
    private static final List<String> PLAINTEXT = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        platform = RunningPlatform.get();
        client = new PlatformClient(platform);
        reception = client.staffToken("reception@alluris.local");
        clinician = client.staffToken("clinician@alluris.local");
        officer = client.staffToken("privacy@alluris.local");
        admin = client.staffToken("admin@alluris.local");
    }

    record Person(String email, String phone, String fullName) {

        static Person fresh(String label) {
            Person person = new Person(label + "-" + UUID.randomUUID() + "@example.com",
                    "07400 " + (100000 + ThreadLocalRandom.current().nextInt(900000)), "Harriet " + label + " Vane");
            PLAINTEXT.addAll(List.of(person.email(), person.phone().replace(" ", "").substring(1), person.fullName()));
            return person;
        }
    }

    record Seeded(String clientId, String pastAppointment, String futureAppointment, String payment, String treatment,
            String photo) {
    }

    @Test
    @Order(1)
    void anErasureRequestReachesEveryServiceAndEachActsAsTheTableSays() {
        Person person = Person.fresh("erase");
        Seeded seeded = seed(person);

        String id = fileAndVerify("ERASURE", person);

        JsonNode done = awaitCompleted(id);
        JsonNode services = done.path("services");
        assertThat(categories(services.path("booking-service"))).containsExactly(
                "contact-profile=ERASED/1", "future-appointments=ERASED/1", "past-appointments-identity=ERASED/1",
                "payments=RETAINED/1");
        assertThat(categories(services.path("records-service")))
                .containsExactly("clinical-records=RETAINED/2", "photos-marketing-use=WITHDRAWN/1");
        assertThat(categories(services.path("consent-service")))
                .containsExactly("consent-personal-data=ERASED/1", "consent-proof=RETAINED/1");
        assertThat(categories(services.path("marketing-service")))
                .containsExactly("subscribers=ERASED/1", "list-memberships=ERASED/1", "suppression-list=RETAINED/2");
        assertThat(services.path("booking-service").path("receipt").get(3).path("legalGround").asString())
                .contains("financial records");
        assertThat(services.path("records-service").path("receipt").get(0).path("retainedUntil").asString()).isNotBlank();

        // booking: profile and future appointment gone; the past one kept without identity; the payment kept
        assertThat(client.call("GET", "/api/bookings/clients/" + seeded.clientId(), null, reception).status()).isEqualTo(404);
        assertThat(client.call("GET", "/api/bookings/appointments/" + seeded.futureAppointment(), null, reception).status())
                .isEqualTo(404);
        assertThat(client.call("GET", "/api/bookings/appointments/" + seeded.pastAppointment(), null, reception).json()
                .path("clientId").isNull()).isTrue();
        assertThat(client.call("GET", "/api/bookings/payments/" + seeded.payment(), null, reception).status()).isEqualTo(200);
        // records: retained, restricted (a reason is needed), photos no longer used in marketing
        assertThat(client.call("GET", "/api/records/entries/" + seeded.treatment(), null, clinician).status()).isEqualTo(403);
        Answer withReason = client.call("GET", "/api/records/entries/" + seeded.photo() + "?reason=aftercare%20query", null,
                clinician);
        assertThat(withReason.status()).isEqualTo(200);
        assertThat(withReason.json().path("marketingUse").asBoolean()).isFalse();
        // consent: personal data gone from the ledger, the pseudonymous proof kept
        try (MongoClient mongo = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
            String ledger = mongo.getDatabase(platform.database("consent-service")).listCollectionNames()
                    .into(new ArrayList<>()).stream()
                    .flatMap(name -> mongo.getDatabase(platform.database("consent-service")).getCollection(name).find()
                            .into(new ArrayList<Document>()).stream())
                    .map(Document::toJson).collect(Collectors.joining("\n"));
            assertThat(ledger).doesNotContain(person.email()).doesNotContain("203.0.113").contains("marketing.email");
        }
        // marketing: gone, and can never be added again
        assertThat(subscribe(person).status()).isEqualTo(409);
        // the evidence trail, kept after completion
        List<String> steps = client.call("GET", "/api/privacy/requests/" + id + "/evidence", null, officer).json()
                .findValuesAsString("step");
        assertThat(steps).startsWith("FILED", "VERIFIED").endsWith("COMPLETED").filteredOn("RECEIPT"::equals).hasSize(4);
    }

    @Test
    @Order(2)
    void aServiceStoppedDuringFanOutAnswersWhenItIsBackAndTheRequestCompletes() {
        Person person = Person.fresh("restart");
        assertThat(subscribe(person).status()).isEqualTo(201);
        platform.stopPart("marketing-service");
        String id;
        try {
            id = fileAndVerify("ERASURE", person);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode request = client.call("GET", "/api/privacy/requests/" + id, null, officer).json();
                assertThat(request.path("services").path("marketing-service").path("state").asString()).isEqualTo("LATE");
                assertThat(request.path("services").path("booking-service").path("state").asString()).isEqualTo("ANSWERED");
                assertThat(request.path("status").asString()).isEqualTo("IN_PROGRESS");
            });
        } finally {
            platform.startPart("marketing-service");
        }

        JsonNode done = awaitCompleted(id);
        assertThat(categories(done.path("services").path("marketing-service"))).contains("subscribers=ERASED/1");
        assertThat(subscribe(person).status()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void noTopicCarriesAPlaintextEmailPhoneOrName() throws Exception {
        Set<String> topics;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.get().kafkaBootstrapServers()))) {
            topics = kafka.listTopics().names().get();
        }
        assertThat(topics).contains("privacy.requests", "privacy.receipts", "booking.events");
        assertThat(PLAINTEXT).isNotEmpty();
        try (PrivacyRequestProbe probe = new PrivacyRequestProbe()) {
            for (String topic : topics) {
                probe.all(topic).forEach(record -> {
                    String text = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8)
                            + (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                    StringBuilder headers = new StringBuilder();
                    record.headers().forEach(h -> headers.append(new String(h.value(), StandardCharsets.UTF_8)));
                    PLAINTEXT.forEach(secret -> assertThat(text + headers).as("a record on " + topic)
                            .doesNotContainIgnoringCase(secret));
                });
            }
        }
    }

    private Seeded seed(Person person) {
        Answer registered = client.call("POST", "/api/bookings/clients", """
                {"fullName":"%s","email":"%s","phone":"%s","dateOfBirth":"1984-07-19"}
                """.formatted(person.fullName(), person.email(), person.phone()), reception);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String clientId = registered.json().path("id").asString();
        String past = book(clientId, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
        String future = book(clientId, OffsetDateTime.now(ZoneOffset.UTC).plusDays(14));
        Answer payment = client.call("POST", "/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":32000,"status":"PAID","processorReference":"pi_journey_%s"}
                """.formatted(past, UUID.randomUUID().toString().substring(0, 8)), reception);
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        String treatment = clinicalEntry(person, "TREATMENT", null);
        String photo = clinicalEntry(person, "PHOTO_METADATA", true);
        Answer consent = client.call("POST", "/api/consents", """
                {"email":"%s","purpose":"marketing.email","granted":true,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"203.0.113.45","userAgent":"Mozilla/5.0"}}
                """.formatted(person.email()), reception);
        assertThat(consent.status()).as(consent.text()).isEqualTo(201);
        assertThat(subscribe(person).status()).isEqualTo(201);
        return new Seeded(clientId, past, future, payment.json().path("id").asString(), treatment, photo);
    }

    private String book(String clientId, OffsetDateTime start) {
        Answer booked = client.call("POST", "/api/bookings/appointments", """
                {"clientId":"%s","treatment":"Dermal filler","practitioner":"Dr Alluris","start":"%s","notes":"journey"}
                """.formatted(clientId, start), reception);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.json().path("id").asString();
    }

    private String clinicalEntry(Person person, String kind, Boolean marketingUse) {
        Answer entry = client.call("POST", "/api/records/entries", """
                {"email":"%s","kind":"%s","recordedAt":"%s","fields":{"product":"Restylane","batch":"R-1"},
                 "notes":"Reviewed history"%s}
                """.formatted(person.email(), kind, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30),
                marketingUse == null ? "" : ",\"marketingUse\":" + marketingUse), clinician);
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);
        return entry.json().path("id").asString();
    }

    private Answer subscribe(Person person) {
        return client.call("POST", "/api/marketing/subscribers", """
                {"email":"%s","phone":"%s","fullName":"%s","lists":["newsletter"],"source":"clinic-website"}
                """.formatted(person.email(), person.phone(), person.fullName()), admin);
    }

    private String fileAndVerify(String type, Person person) {
        Answer filed = client.call("POST", "/api/privacy/requests", """
                {"type":"%s","email":"%s","phone":"%s","fullName":"%s"}
                """.formatted(type, person.email(), person.phone(), person.fullName()), null);
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        assertThat(filed.json().path("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        String id = filed.json().path("id").asString();
        Answer verified = client.call("POST", "/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + client.codeMailedTo(person.email(), CODE) + "\"}", null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(verified.json().path("dueDate").asString()).isNotBlank();
        return id;
    }

    private JsonNode awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(client.call("GET", "/api/privacy/requests/" + id, null, officer).json()
                        .path("status").asString()));
        return client.call("GET", "/api/privacy/requests/" + id, null, officer).json();
    }

    private static List<String> categories(JsonNode service) {
        List<String> lines = new ArrayList<>();
        service.path("receipt").forEach(line -> lines.add(line.path("category").asString() + "="
                + line.path("outcome").asString() + "/" + line.path("count").asInt()));
        return lines;
    }
}
