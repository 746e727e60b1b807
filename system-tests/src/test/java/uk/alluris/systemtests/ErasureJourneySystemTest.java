package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.EmbeddedInfrastructure;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * One person with data in all four data-holding services asks, through the gateway, to be erased: the request is
 * verified, fans out, every service acts as docs/privacy-requests.md says and answers, and the request completes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureJourneySystemTest {

    private static RunningPlatform platform;
    private static Journey journey;
    private static PlatformClient client;
    private static String reception;
    private static String clinician;
    private static String officer;

    @BeforeAll
    static void signIn() {
        platform = RunningPlatform.get();
        journey = new Journey();
        client = journey.client;
        reception = journey.reception;
        clinician = journey.clinician;
        officer = journey.officer;
    }

    @Test
    @Order(1)
    void anErasureRequestReachesEveryServiceAndEachActsAsTheTableSays() {
        Journey.Person person = journey.person("erase");
        Journey.Seeded seeded = journey.seed(person);

        String id = journey.fileAndVerify("ERASURE", person);

        JsonNode done = journey.awaitCompleted(id);
        JsonNode services = done.path("services");
        assertThat(Journey.categories(services.path("booking-service"))).containsExactly(
                "contact-profile=ERASED/1", "future-appointments=ERASED/1", "past-appointments-identity=ERASED/1",
                "payments=RETAINED/1", "age-checks=NOT_HELD/0", "deposits-and-refunds=NOT_HELD/0",
                "scheduled-messages=ERASED/6", "message-log=NOT_HELD/0");
        assertThat(Journey.categories(services.path("records-service")))
                .containsExactly("clinical-records=RETAINED/2", "photos-marketing-use=WITHDRAWN/1",
                        "clinical-images=NOT_HELD/0", "photo-marketing-consents=NOT_HELD/0",
                        "signed-consent-forms=NOT_HELD/0", "medical-questionnaires=NOT_HELD/0");
        assertThat(Journey.categories(services.path("consent-service")))
                .containsExactly("consent-personal-data=ERASED/1", "consent-proof=RETAINED/1");
        assertThat(Journey.categories(services.path("marketing-service")))
                .containsExactly("subscribers=ERASED/1", "list-memberships=ERASED/1", "leads=NOT_HELD/0",
                        "campaign-sends=NOT_HELD/0", "suppression-list=RETAINED/2");
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
        // records: retained, restricted (a reason is needed), the legacy photo entry no longer marked for marketing
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
            assertThat(ledger).doesNotContain(person.email()).doesNotContain(Journey.networkOf(person)).contains("marketing.email");
        }
        // marketing: gone, and can never be added again
        assertThat(journey.subscribe(person).status()).isEqualTo(409);
        // the evidence trail, kept after completion
        List<String> steps = client.call("GET", "/api/privacy/requests/" + id + "/evidence", null, officer).json()
                .findValuesAsString("step");
        // the requester is told the outcome once it completes (OUTCOME_MAILED or _NOT_MAILED), perhaps not yet
        assertThat(steps.stream().filter(step -> !step.startsWith("OUTCOME_")).toList()).startsWith("FILED", "VERIFIED")
                .endsWith("COMPLETED").filteredOn("RECEIPT"::equals).hasSize(4);
    }

    @Test
    @Order(2)
    void aServiceStoppedDuringFanOutAnswersWhenItIsBackAndTheRequestCompletes() {
        Journey.Person person = journey.person("restart");
        assertThat(journey.subscribe(person).status()).isEqualTo(201);
        platform.stopPart("marketing-service");
        String id;
        try {
            id = journey.fileAndVerify("ERASURE", person);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode request = client.call("GET", "/api/privacy/requests/" + id, null, officer).json();
                assertThat(request.path("services").path("marketing-service").path("state").asString()).isEqualTo("LATE");
                assertThat(request.path("services").path("booking-service").path("state").asString()).isEqualTo("ANSWERED");
                assertThat(request.path("status").asString()).isEqualTo("IN_PROGRESS");
            });
        } finally {
            platform.startPart("marketing-service");
        }

        JsonNode done = journey.awaitCompleted(id);
        assertThat(Journey.categories(done.path("services").path("marketing-service"))).contains("subscribers=ERASED/1");
        assertThat(journey.subscribe(person).status()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void noTopicCarriesAPlaintextEmailPhoneOrName() throws Exception {
        journey.assertNoTopicCarriesPlaintext();
    }
}
