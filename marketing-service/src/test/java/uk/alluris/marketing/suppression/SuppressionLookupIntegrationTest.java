package uk.alluris.marketing.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Staff look up one address on the suppression list (by its blind index); the list itself is never shown. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class SuppressionLookupIntegrationTest {

    private static final String LOOKUP = "/api/marketing/suppression/lookup";

    @LocalServerPort
    int port;
    @Autowired
    SuppressionList suppression;
    @Autowired
    BlindIndexer indexer;

    @Test
    void oneAddressIsLookedUpHoweverItIsWrittenAndBadInputIsA400() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String admin = TestTokens.get().staff("ADMIN");
        String objected = MarketingTestPeople.freshEmail("lookup-objected");
        suppression.suppress(List.of(indexer.email(objected)), List.of(), SuppressionEntry.Reason.OBJECTION);

        JsonNode found = calls.post(LOOKUP, "{\"email\":\"" + objected.toUpperCase() + "\"}", admin).json();
        JsonNode absent = calls.post(LOOKUP, "{\"email\":\"" + MarketingTestPeople.freshEmail("lookup-absent") + "\"}",
                admin).json();

        assertThat(found.path("suppressed").asBoolean()).isTrue();
        assertThat(found.path("reason").asString()).isEqualTo("OBJECTION");
        assertThat(found.toString()).doesNotContain(objected).doesNotContain(indexer.email(objected));
        assertThat(absent.path("suppressed").asBoolean()).isFalse();
        assertThat(calls.post(LOOKUP, "{\"email\":\"not-an-address\"}", admin).status()).isEqualTo(400);
        assertThat(calls.post(LOOKUP, "{\"email\":\"" + objected + "\"}", TestTokens.get().staff("RECEPTION")).status())
                .isEqualTo(403);
    }
}
