package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * A person with data in all four data-holding services asks, through the gateway, for a copy of their data: every
 * service's export arrives sealed, the bundle is ready, and the requester downloads it with the request's own token.
 * Then they correct their details, and every service that holds them applies the correction.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessJourneySystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Journey journey;
    private static Journey.Person person;
    private static Journey.Seeded seeded;

    @BeforeAll
    static void seedTwoPeople() {
        journey = new Journey();
        person = journey.person("access");
        seeded = journey.seed(person);
        journey.seed(journey.person("bystander"));
    }

    @Test
    @Order(1)
    void theRequesterDownloadsOneBundleWithEveryServicesDataAndNobodyElses() {
        JsonNode verified = journey.fileAndVerify("ACCESS", person, "");
        String id = verified.path("id").asString();
        String token = verified.path("downloadToken").asString();
        assertThat(token).isNotBlank();

        JsonNode done = journey.awaitCompleted(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(journey.client
                .call("GET", "/api/privacy/requests/" + id, null, journey.officer).json().path("bundle").path("status")
                .asString()));
        assertThat(Journey.categories(done.path("services").path("booking-service")))
                .containsExactly("contact-profile=EXPORTED/1", "appointments=EXPORTED/2", "payments=EXPORTED/1",
                        "age-checks=NOT_HELD/0", "deposits-and-refunds=NOT_HELD/0", "message-log=EXPORTED/6");
        assertThat(Journey.categories(done.path("services").path("marketing-service"))).contains("subscriptions=EXPORTED/1");

        assertThat(download(id, null).statusCode()).isEqualTo(401);
        assertThat(download(id, "not-the-token").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> bundle = download(id, token);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = unzip(bundle.body());

        assertThat(files).containsKeys("index.json", "summary.html", "booking-service.json", "records-service.json",
                "consent-service.json", "marketing-service.json");
        JsonNode booking = JSON.readTree(files.get("booking-service.json"));
        assertThat(booking.path("format").asString()).isEqualTo("alluris-export/v1");
        assertThat(booking.path("data").path("contact-profile").get(0).path("email").asString()).isEqualTo(person.email());
        assertThat(booking.path("data").path("appointments").findValuesAsString("appointmentId"))
                .contains(seeded.pastAppointment(), seeded.futureAppointment());
        // clinical entries decrypted for the person
        assertThat(files.get("records-service.json")).contains(seeded.treatment()).contains("Reviewed history")
                .contains("Restylane");
        assertThat(files.get("consent-service.json")).contains("marketing.email");
        assertThat(files.get("marketing-service.json")).contains("newsletter");
        assertThat(files.get("summary.html")).contains(person.fullName()).contains("Information Commissioner");
        // and nothing of the other person
        String everything = String.join("\n", files.values());
        assertThat(everything).doesNotContain("bystander-");
        // the officer may download on the person's behalf; each download is evidence
        assertThat(journey.client.call("GET", "/api/privacy/requests/" + id + "/bundle", null, journey.officer).status())
                .isEqualTo(200);
        assertThat(journey.client.call("GET", "/api/privacy/requests/" + id + "/evidence", null, journey.officer).json()
                .findValuesAsString("step")).contains("BUNDLE_READY").filteredOn("BUNDLE_DOWNLOADED"::equals).hasSize(2);
    }

    @Test
    @Order(2)
    void aCorrectionReachesEveryServiceThatHoldsTheDetails() {
        Journey.Person corrected = new Journey.Person(person.email(), "07911 123458", "Harriet Wimsey");
        journey.plaintext.addAll(java.util.List.of("7911123458", corrected.fullName()));

        String id = journey.fileAndVerify("RECTIFICATION", person,
                "\"corrections\":{\"fullName\":\"" + corrected.fullName() + "\",\"phone\":\"" + corrected.phone() + "\"}")
                .path("id").asString();

        JsonNode done = journey.awaitCompleted(id);
        assertThat(Journey.categories(done.path("services").path("booking-service"))).contains("contact-profile=RECTIFIED/1");
        assertThat(Journey.categories(done.path("services").path("marketing-service"))).contains("subscribers=RECTIFIED/1");
        assertThat(Journey.categories(done.path("services").path("records-service")))
                .contains("clinical-subject-identity=RECTIFIED/1");
        Answer profile = journey.client.call("GET", "/api/bookings/clients/" + seeded.clientId(), null, journey.reception);
        assertThat(profile.json().path("fullName").asString()).isEqualTo(corrected.fullName());
        assertThat(profile.json().path("phone").asString().replace(" ", "")).endsWith("7911123458");
    }

    @Test
    @Order(3)
    void noTopicCarriesTheExportsOrTheCorrectionsInPlaintext() throws Exception {
        journey.assertNoTopicCarriesPlaintext();
    }

    private HttpResponse<byte[]> download(String id, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RunningPlatform.get().gatewayUrl()
                + "/api/privacy/requests/" + id + "/bundle")).header("X-Forwarded-For", "198.18.200.1").GET();
        if (token != null) {
            request.header("X-Request-Token", token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unzip(byte[] zip) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
