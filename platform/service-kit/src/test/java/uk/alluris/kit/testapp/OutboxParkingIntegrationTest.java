package uk.alluris.kit.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.ClientRegistered;
import uk.alluris.kit.outbox.OutboxParking;
import uk.alluris.kit.outbox.OutboxRelay;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Same context as {@link KitIntegrationTest}: an event Kafka refuses is parked and jams nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=kit-test")
@UsesEmbeddedInfrastructure
class OutboxParkingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Parcels parcels;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void anEventTooLargeForKafkaIsParkedWithItsReasonAndTheEventBehindItStillGoesOut() throws Exception {
        String subjectId = UUID.randomUUID().toString();
        ClientRegistered tooLarge = new ClientRegistered(UUID.randomUUID(), subjectId, "x".repeat(1_100_000), null,
                Instant.now());
        ClientRegistered behind = new ClientRegistered(UUID.randomUUID(), subjectId, null, null, Instant.now());
        parcels.save(new Parcel(subjectId, "registered").record(tooLarge).record(behind));

        // the save's wake-up and these rounds are the bounded attempts (three by default)
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            relay.relayPending();
            return parcels.findById(subjectId).orElseThrow().outbox().isEmpty();
        });

        Document parked = mongo.findOne(new Query(where("_id").is(tooLarge.eventId().toString())), Document.class,
                OutboxParking.COLLECTION);
        assertThat(parked).isNotNull();
        assertThat(parked.getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parked.getString("collection")).isEqualTo("parcels");
        assertThat(mongo.exists(new Query(where("_id").is(behind.eventId().toString())), OutboxParking.COLLECTION))
                .isFalse();
        assertThat(meters.get("alluris.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("alluris.outbox.parkings").counter().count()).isGreaterThanOrEqualTo(1);

        HttpResponse<String> listed = get("/api/outbox/parked?size=100", TestTokens.get().staff("PRIVACY_OFFICER"));
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(listed.body());
        assertThat(page.path("entries").findValuesAsString("messageId")).contains(tooLarge.eventId().toString());
        assertThat(listed.body()).doesNotContain("xxxxxxxx");
    }

    @Test
    void onlyThePrivacyOfficerOrAnAdministratorSeesParkedEventsAndBadPagesAreRefused() throws Exception {
        assertThat(get("/api/outbox/parked", TestTokens.get().staff("RECEPTION")).statusCode()).isEqualTo(403);
        assertThat(get("/api/outbox/parked", null).statusCode()).isEqualTo(401);
        HttpResponse<String> tooBig = get("/api/outbox/parked?size=101", TestTokens.get().staff("ADMIN"));
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooBig.body()).path("detail").asString()).isEqualTo("size must be between 1 and 100");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
