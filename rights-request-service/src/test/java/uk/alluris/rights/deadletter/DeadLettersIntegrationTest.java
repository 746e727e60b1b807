package uk.alluris.rights.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.rights.request.RequestType;
import uk.alluris.testsupport.ServiceCalls.Answer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Messages parked in any consumer group's dead-letter topic are visible to the privacy officer, and only to them; the
 * officer sends one back to its topic once, its consumer then handles it, and the redrive is kept as evidence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class DeadLettersIntegrationTest {

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    PrivacyRequests requests;

    private final String officer = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void theOfficerSeesEachDeadLetterTopicWithItsCountAndLatestMessages() {
        String topic = "error.privacy.requests.dlq-view-" + UUID.randomUUID().toString().substring(0, 8);
        probe.publishRaw(topic, "k1", "not json", "uk.alluris.privacy.ErasureRequested.v1");
        probe.publishRaw(topic, "k2", "{\"broken\":", "uk.alluris.privacy.RestrictionRequested.v1");
        ServiceCalls calls = ServiceCalls.onPort(port);

        JsonNode all = calls.get("/api/privacy/dead-letters", TestTokens.get().staff("PRIVACY_OFFICER")).json();

        JsonNode ours = null;
        for (JsonNode node : all) {
            if (node.path("name").asString().equals(topic)) {
                ours = node;
            }
        }
        assertThat(ours).isNotNull();
        assertThat(ours.path("messages").asLong()).isEqualTo(2);
        assertThat(ours.path("latest").findValuesAsString("ceType")).containsExactlyInAnyOrder(
                "uk.alluris.privacy.ErasureRequested.v1", "uk.alluris.privacy.RestrictionRequested.v1");
        assertThat(ours.toString()).doesNotContain("not json");
        assertThat(calls.get("/api/privacy/dead-letters", TestTokens.get().client("q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA"))
                .status()).isEqualTo(403);
        assertThat(calls.get("/api/privacy/dead-letters", TestTokens.get().staff("ADMIN")).status()).isEqualTo(403);
    }

    @Test
    void aRedrivenLetterIsHandledByItsConsumerOnceAndTheRedriveIsKeptAsEvidence() {
        String emailIndex = indexer.email("redrive-" + UUID.randomUUID() + "@example.com");
        String topic = "error.marketing.events.redrive-" + UUID.randomUUID().toString().substring(0, 8);
        String ceId = probe.parkAsDeadLetter(new SubscriberUnsubscribed(UUID.randomUUID(), null, emailIndex, null,
                "one-click-unsubscribe", Instant.now()), topic, "the handler failed three times");
        ServiceCalls calls = ServiceCalls.onPort(port);
        JsonNode parked = topic(calls, topic).path("latest").get(0);
        assertThat(parked.path("originalTopic").asString()).isEqualTo("marketing.events");
        String order = "{\"topic\":\"%s\",\"partition\":%d,\"offset\":%d}".formatted(topic,
                parked.path("partition").asInt(), parked.path("offset").asLong());

        Answer first = calls.post("/api/privacy/dead-letters/redrives", order, officer);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("ceId").asString()).isEqualTo(ceId);
        assertThat(first.json().path("by").asString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> requests.findAll().stream()
                .anyMatch(r -> r.type() == RequestType.OBJECTION_TO_MARKETING && emailIndex.equals(r.emailIndex())));
        Answer second = calls.post("/api/privacy/dead-letters/redrives", order, officer);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(calls.get("/api/privacy/dead-letters/redrives?size=100", officer).json().path("items")
                .findValuesAsString("ceId")).contains(ceId);
    }

    @Test
    void onlyTheOfficerRedrivesAndOnlyAParkedLetterThatExists() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String path = "/api/privacy/dead-letters/redrives";
        String topic = "error.privacy.requests.redrive-none-" + UUID.randomUUID().toString().substring(0, 8);
        probe.publishRaw(topic, "k", "not json", "uk.alluris.privacy.ErasureRequested.v1");
        JsonNode parked = topic(calls, topic).path("latest").get(0);
        assertThat(parked.path("originalTopic").isString()).isFalse();

        Answer notADeadLetter = calls.post(path, "{\"topic\":\"privacy.requests\",\"partition\":0,\"offset\":0}", officer);
        Answer negative = calls.post(path, "{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":-1}", officer);
        Answer beyond = calls.post(path, "{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":99}", officer);
        Answer noSuchTopic = calls.post(path, "{\"topic\":\"error.none-" + UUID.randomUUID() + "\",\"partition\":0,"
                + "\"offset\":0}", officer);
        Answer noOrigin = calls.post(path, "{\"topic\":\"%s\",\"partition\":%d,\"offset\":%d}".formatted(topic,
                parked.path("partition").asInt(), parked.path("offset").asLong()), officer);

        assertThat(List.of(notADeadLetter, negative)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(notADeadLetter.text()).contains("topic");
        assertThat(beyond.status()).isEqualTo(404);
        assertThat(noSuchTopic.status()).isEqualTo(404);
        assertThat(noOrigin.status()).isEqualTo(409);
        assertThat(calls.post(path, "{}", TestTokens.get().staff("ADMIN")).status()).isEqualTo(403);
        assertThat(calls.post(path, "{}", TestTokens.get().client("q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA"))
                .status()).isEqualTo(403);
    }

    private JsonNode topic(ServiceCalls calls, String name) {
        for (JsonNode node : calls.get("/api/privacy/dead-letters", officer).json()) {
            if (node.path("name").asString().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("dead-letter topic " + name + " not listed");
    }
}
