package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * What the journeys share: a person with data in all four data-holding services, written through the gateway as
 * staff would, and a privacy request filed, verified by the mailed code and followed to completion.
 */
final class Journey {

    static final Pattern CODE = Pattern.compile("enter this code: (\\d{6})");

    record Person(String email, String phone, String fullName) {
    }

    record Seeded(String clientId, String pastAppointment, String futureAppointment, String payment, String treatment,
            String photo) {
    }

    final PlatformClient client;
    final String reception;
    final String clinician;
    final String officer;
    final String admin;
    /** Every plaintext personal detail this journey used: none may appear in any Kafka topic. */
    final List<String> plaintext = new ArrayList<>();

    Journey() {
        client = new PlatformClient(RunningPlatform.get());
        reception = client.staffToken("reception@alluris.local");
        clinician = client.staffToken("clinician@alluris.local");
        officer = client.staffToken("privacy@alluris.local");
        admin = client.staffToken("admin@alluris.local");
    }

    synchronized Person person(String label) {
        Person person = new Person(label + "-" + UUID.randomUUID() + "@example.com",
                "07400 " + (100000 + ThreadLocalRandom.current().nextInt(900000)), "Harriet " + label + " Vane");
        plaintext.addAll(List.of(person.email(), person.phone().replace(" ", "").substring(1), person.fullName()));
        return person;
    }

    /**
     * The person's own IPv6 /48 in the documentation range (2001:db8::/32), as the ledger keeps it once anonymised: a
     * test can look for this person's evidence alone, whatever other tests left in the ledger.
     */
    static String networkOf(Person person) {
        return "2001:db8:%x:".formatted(person.email().hashCode() & 0xffff);
    }

    Seeded seed(Person person) {
        return seed(person, 14);
    }

    /** The same data, the future appointment searched from {@code daysAhead} days on (many people need many slots). */
    Seeded seed(Person person, int daysAhead) {
        Answer registered = client.call("POST", "/api/bookings/clients", """
                {"fullName":"%s","email":"%s","phone":"%s","dateOfBirth":"1984-07-19"}
                """.formatted(person.fullName(), person.email(), person.phone()), reception);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String clientId = registered.json().path("id").asString();
        String past = book(clientId, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30));
        String future = book(clientId, OffsetDateTime.now(ZoneOffset.UTC).plusDays(daysAhead));
        Answer payment = client.call("POST", "/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":32000,"status":"PAID","processorReference":"pi_journey_%s"}
                """.formatted(past, UUID.randomUUID().toString().substring(0, 8)), reception);
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        String treatment = clinicalEntry(person, "TREATMENT");
        String photo = legacyMarketingPhotoEntry(person);
        Answer consent = client.call("POST", "/api/consents", """
                {"email":"%s","purpose":"marketing.email","granted":true,"policyVersion":"2026-01","channel":"WEB",
                 "evidence":{"source":"portal","ipAddress":"%s:45","userAgent":"Mozilla/5.0"}}
                """.formatted(person.email(), networkOf(person)), reception);
        assertThat(consent.status()).as(consent.text()).isEqualTo(201);
        assertThat(subscribe(person).status()).isEqualTo(201);
        return new Seeded(clientId, past, future, payment.json().path("id").asString(), treatment, photo);
    }

    /**
     * A past visit is recorded in free text as staff would after the fact; a future one is booked from the seeded
     * catalogue in the first free slot from {@code start} (the next one when another journey took it meanwhile).
     */
    String book(String clientId, OffsetDateTime start) {
        if (start.isBefore(OffsetDateTime.now(ZoneOffset.UTC))) {
            Answer booked = client.call("POST", "/api/bookings/appointments", """
                    {"clientId":"%s","treatment":"Dermal filler","practitioner":"Dr Alluris","start":"%s","notes":"journey"}
                    """.formatted(clientId, start), reception);
            assertThat(booked.status()).as(booked.text()).isEqualTo(201);
            return booked.json().path("id").asString();
        }
        String peel = client.call("GET", "/api/bookings/treatments", null, reception).json().valueStream()
                .filter(t -> t.path("name").asString().equals("Chemical peel")).findFirst().orElseThrow()
                .path("id").asString();
        Answer slots = client.call("GET", "/api/bookings/availability?treatment=%s&from=%s&to=%s".formatted(peel,
                start.toInstant(), start.plusDays(7).toInstant()), null, reception);
        assertThat(slots.status()).as(slots.text()).isEqualTo(200);
        for (JsonNode slot : slots.json()) {
            Answer booked = client.call("POST", "/api/bookings/appointments", """
                    {"clientId":"%s","treatmentId":"%s","practitionerId":"%s","start":"%s","notes":"journey"}
                    """.formatted(clientId, peel, slot.path("practitionerId").asString(), slot.path("start").asString()),
                    reception);
            if (booked.status() != 409) {
                assertThat(booked.status()).as(booked.text()).isEqualTo(201);
                return booked.json().path("id").asString();
            }
        }
        throw new AssertionError("no free slot for a chemical peel in the week from " + start);
    }

    String clinicalEntry(Person person, String kind) {
        return clinicalEntryAnswer(person, kind).path("id").asString();
    }

    /**
     * A photo entry marked for marketing as entries were before that flag was retired (the API now refuses it: a
     * photo's marketing use is chosen on the photo, against the consent ledger). Such entries are still in the store,
     * so the mark is written there directly, as an auditor could find it; privacy requests must still withdraw it.
     */
    String legacyMarketingPhotoEntry(Person person) {
        JsonNode entry = clinicalEntryAnswer(person, "PHOTO_METADATA");
        try (MongoClient mongo = MongoClients.create(EmbeddedInfrastructure.get().mongoUri())) {
            long marked = mongo.getDatabase(RunningPlatform.get().database("records-service")).getCollection("entries")
                    .updateOne(Filters.and(Filters.eq("subjectId", entry.path("subjectId").asString()),
                            Filters.eq("kind", "PHOTO_METADATA")), Updates.set("marketingUse", true))
                    .getModifiedCount();
            assertThat(marked).isEqualTo(1);
        }
        return entry.path("id").asString();
    }

    private JsonNode clinicalEntryAnswer(Person person, String kind) {
        Answer entry = client.call("POST", "/api/records/entries", """
                {"email":"%s","kind":"%s","recordedAt":"%s","fields":{"product":"Restylane","batch":"R-1"},
                 "notes":"Reviewed history"}
                """.formatted(person.email(), kind, OffsetDateTime.now(ZoneOffset.UTC).minusDays(30)), clinician);
        assertThat(entry.status()).as(entry.text()).isEqualTo(201);
        return entry.json();
    }

    Answer subscribe(Person person) {
        return client.call("POST", "/api/marketing/subscribers", """
                {"email":"%s","phone":"%s","fullName":"%s","lists":["newsletter"],"source":"clinic-website"}
                """.formatted(person.email(), person.phone(), person.fullName()), admin);
    }

    /** Files a request (with any further JSON members, e.g. corrections) and proves the address by the mailed code. */
    JsonNode fileAndVerify(String type, Person person, String more) {
        Answer filed = client.call("POST", "/api/privacy/requests", """
                {"type":"%s","email":"%s","phone":"%s","fullName":"%s"%s}
                """.formatted(type, person.email(), person.phone(), person.fullName(), more.isEmpty() ? "" : "," + more),
                null);
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        assertThat(filed.json().path("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        String id = filed.json().path("id").asString();
        Answer verified = client.call("POST", "/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + client.codeMailedTo(person.email(), CODE) + "\"}", null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(verified.json().path("dueDate").asString()).isNotBlank();
        return verified.json();
    }

    String fileAndVerify(String type, Person person) {
        return fileAndVerify(type, person, "").path("id").asString();
    }

    JsonNode awaitCompleted(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(client.call("GET", "/api/privacy/requests/" + id, null, officer).json()
                        .path("status").asString()));
        return client.call("GET", "/api/privacy/requests/" + id, null, officer).json();
    }

    static List<String> categories(JsonNode service) {
        List<String> lines = new ArrayList<>();
        service.path("receipt").forEach(line -> lines.add(line.path("category").asString() + "="
                + line.path("outcome").asString() + "/" + line.path("count").asInt()));
        return lines;
    }

    /** No record on any topic — value, key or header — carries any of this journey's plaintext. */
    void assertNoTopicCarriesPlaintext() throws Exception {
        Set<String> topics;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RunningPlatform.get().kafkaBootstrapServers()))) {
            topics = kafka.listTopics().names().get();
        }
        assertThat(topics).contains("privacy.requests", "privacy.receipts");
        assertThat(plaintext).isNotEmpty();
        try (PrivacyRequestProbe probe = new PrivacyRequestProbe(RunningPlatform.get().kafkaBootstrapServers())) {
            for (String topic : topics) {
                probe.all(topic).forEach(record -> {
                    String text = new String(record.value() == null ? new byte[0] : record.value(), StandardCharsets.UTF_8)
                            + (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                    StringBuilder headers = new StringBuilder();
                    record.headers().forEach(h -> headers.append(new String(h.value(), StandardCharsets.UTF_8)));
                    plaintext.forEach(secret -> assertThat(text + headers).as("a record on " + topic)
                            .doesNotContainIgnoringCase(secret));
                });
            }
        }
    }
}
