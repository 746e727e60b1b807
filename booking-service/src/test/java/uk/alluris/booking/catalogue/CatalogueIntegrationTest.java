package uk.alluris.booking.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** The catalogue through booking's API: ADMIN manages it, anyone signed in reads it, the local profile seeds it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class CatalogueIntegrationTest {

    private static final String ADMIN = TestDiary.ADMIN;

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void onlyAdminChangesTreatmentsAndAClientSeesOnlyThoseStillOffered() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String client = TestTokens.get().client(indexer.email("reader-" + UUID.randomUUID() + "@example.com"));
        String name = "Hydrating facial " + UUID.randomUUID();
        String body = """
                {"name":"%s","durationMinutes":60,"pricePence":8500,"depositPence":0,"minimumAge":16,
                 "questionnaireFirst":true,"aftercare":"Drink water."%s}
                """;

        assertThat(calls.post("/api/bookings/treatments", body.formatted(name, ""), reception).status()).isEqualTo(403);
        Answer added = calls.post("/api/bookings/treatments", body.formatted(name, ""), ADMIN);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        String id = added.json().path("id").asString();
        assertThat(names(calls.get("/api/bookings/treatments", client))).contains(name);

        Answer withdrawn = calls.put("/api/bookings/treatments/" + id, body.formatted(name, ",\"active\":false"), ADMIN);

        assertThat(withdrawn.json().path("active").asBoolean()).isFalse();
        assertThat(names(calls.get("/api/bookings/treatments", client))).doesNotContain(name);
        assertThat(names(calls.get("/api/bookings/treatments", ADMIN))).contains(name);
        assertThat(calls.get("/api/bookings/availability?treatment=%s&from=2030-01-01T00:00:00Z&to=2030-01-02T00:00:00Z"
                .formatted(id), client).status()).isEqualTo(422);
    }

    @Test
    void badCatalogueInputIsA400ProblemNamingWhatIsAllowed() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        Answer oddLength = calls.post("/api/bookings/treatments", """
                {"name":"Odd","durationMinutes":20,"pricePence":100,"depositPence":0,"minimumAge":0}""", ADMIN);
        Answer bigDeposit = calls.post("/api/bookings/treatments", """
                {"name":"Odd","durationMinutes":30,"pricePence":100,"depositPence":500,"minimumAge":0}""", ADMIN);
        Answer noName = calls.post("/api/bookings/treatments", """
                {"durationMinutes":30,"pricePence":100,"depositPence":0,"minimumAge":0}""", ADMIN);
        Answer badHours = calls.post("/api/bookings/practitioners", """
                {"name":"Dr Odd","roles":[],"weeklyHours":[{"day":"MONDAY","start":"09:10","end":"17:00"}]}""", ADMIN);
        Answer badRole = calls.post("/api/bookings/practitioners", """
                {"name":"Dr Odd","roles":["SURGEON"],"weeklyHours":[]}""", ADMIN);

        assertThat(List.of(oddLength, bigDeposit, noName, badHours, badRole)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(oddLength.json().path("detail").asString()).contains("multiple of 15");
        assertThat(bigDeposit.json().path("detail").asString()).contains("depositPence");
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(badHours.json().path("detail").asString()).contains("quarter hour");
    }

    @Test
    void aClosureTakesTheDayOutOfAvailabilityBesidesTheBankHolidays() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        TestDiary diary = TestDiary.create(calls);
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate day = LocalDate.now(london).plusDays(200 + ThreadLocalRandom.current().nextInt(300));
        String range = "/api/bookings/availability?treatment=%s&practitioner=%s&from=%s&to=%s".formatted(
                diary.treatmentId(), diary.practitionerId(), day.atStartOfDay(london).toInstant(),
                day.plusDays(1).atStartOfDay(london).toInstant());
        assertThat(calls.get(range, reception).json()).isNotEmpty();

        Answer closed = calls.post("/api/bookings/closures", "{\"date\":\"" + day + "\",\"reason\":\"Training\"}", ADMIN);
        try {
            assertThat(closed.status()).as(closed.text()).isEqualTo(201);
            assertThat(calls.get(range, reception).json()).isEmpty();
            assertThat(calls.post("/api/bookings/closures", "{\"date\":\"" + day + "\",\"reason\":\"Again\"}", ADMIN)
                    .status()).isEqualTo(409);
            JsonNode closedDays = calls.get("/api/bookings/closures", reception).json();
            assertThat(closedDays.path("bankHolidays").valueStream().map(JsonNode::asString))
                    .contains("2026-12-25", "2027-03-26");
        } finally {
            calls.send("DELETE", "/api/bookings/closures/" + closed.json().path("id").asString(), null, ADMIN);
        }
        assertThat(calls.get(range, reception).json()).isNotEmpty();
    }

    @Test
    void theLocalProfileSeedsAClinicsCatalogueWithAPrescriber() {
        ServiceCalls calls = ServiceCalls.onPort(port);

        JsonNode treatments = calls.get("/api/bookings/treatments", reception).json();
        JsonNode practitioners = calls.get("/api/bookings/practitioners", reception).json();

        assertThat(treatments.valueStream().filter(t -> t.path("name").asString().startsWith("Anti-wrinkle")))
                .singleElement().satisfies(toxin -> {
                    assertThat(toxin.path("prescriptionOnly").asBoolean()).isTrue();
                    assertThat(toxin.path("minimumAge").asInt()).isEqualTo(18);
                    assertThat(toxin.path("depositPence").asLong()).isPositive();
                });
        assertThat(names(calls.get("/api/bookings/treatments", reception))).contains("Dermal filler", "Chemical peel",
                "Consultation with a prescriber");
        assertThat(practitioners.valueStream().filter(p -> p.path("roles").valueStream()
                .anyMatch(role -> role.asString().equals("PRESCRIBER")))).isNotEmpty();
    }

    private static List<String> names(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().valueStream().map(t -> t.path("name").asString()).toList();
    }
}
