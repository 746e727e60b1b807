package uk.alluris.rights.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Messages parked in any consumer group's dead-letter topic are visible to the privacy officer, and only to them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class DeadLettersIntegrationTest {

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;

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
}
