package uk.alluris.marketing.leads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.MarketingTestInfrastructure;

/** The Graph API client against WireMock: parsing Meta's lead shape, retries, the circuit breaker. */
class GraphLeadsTest {

    private static final String TOKEN = "test-page-token";
    private final WireMockServer server = MarketingTestInfrastructure.graph();

    private GraphLeads client(int circuitBreakerMinimumCalls) {
        return new GraphLeads(new MarketingProperties.Meta("verify-token-123456", "app-secret-1234567", TOKEN,
                server.baseUrl() + MarketingTestInfrastructure.GRAPH_VERSION, Map.of(), null, null, Duration.ofSeconds(3),
                3, Duration.ofMillis(10), Duration.ofSeconds(1), 5, circuitBreakerMinimumCalls));
    }

    @Test
    void aLeadIsReadAsMetaDocumentsIt() {
        String id = leadId();
        server.stubFor(get(urlPathEqualTo(path(id))).withQueryParam("access_token", equalTo(TOKEN)).willReturn(okJson("""
                {"id":"%s","created_time":"2026-01-15T09:30:00+0000",
                 "field_data":[{"name":"email","values":["Pat@Example.com"]},{"name":"full_name","values":["Pat Lee"]},
                               {"name":"phone_number","values":["+447911123456"]}],
                 "custom_disclaimer_responses":[{"checkbox_key":"marketing_email","is_checked":"1"},
                                                {"checkbox_key":"marketing_sms","is_checked":""}]}
                """.formatted(id))));

        GraphLeads.MetaLead lead = client(1000).fetch(id);

        assertThat(lead.id()).isEqualTo(id);
        assertThat(lead.createdTime()).isEqualTo(Instant.parse("2026-01-15T09:30:00Z"));
        assertThat(lead.fields()).containsEntry("email", "Pat@Example.com").containsEntry("full_name", "Pat Lee")
                .containsEntry("phone_number", "+447911123456");
        assertThat(lead.checkedBoxes()).containsExactly("marketing_email");
    }

    @Test
    void aPassingFailureIsRetriedWithinTheFetch() {
        String id = leadId();
        server.stubFor(get(urlPathEqualTo(path(id))).inScenario(id).whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("once"));
        server.stubFor(get(urlPathEqualTo(path(id))).inScenario(id).whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(429)).willSetStateTo("twice"));
        server.stubFor(get(urlPathEqualTo(path(id))).inScenario(id).whenScenarioStateIs("twice")
                .willReturn(okJson("{\"id\":\"" + id + "\",\"field_data\":[]}")));

        assertThat(client(1000).fetch(id).id()).isEqualTo(id);
        server.verify(3, getRequestedFor(urlPathEqualTo(path(id))));
    }

    @Test
    void aClientErrorIsNotRetriedAndAnOutageOpensTheCircuit() {
        String refused = leadId();
        server.stubFor(get(urlPathEqualTo(path(refused))).willReturn(aResponse().withStatus(400)));
        GraphLeads graph = client(4);

        assertThatThrownBy(() -> graph.fetch(refused)).isInstanceOf(GraphLeads.Unavailable.class)
                .hasMessage("graph answered 400");
        server.verify(1, getRequestedFor(urlPathEqualTo(path(refused))));

        String down = leadId();
        server.stubFor(get(urlPathEqualTo(path(down))).willReturn(serverError()));
        assertThatThrownBy(() -> graph.fetch(down)).isInstanceOf(GraphLeads.Unavailable.class)
                .hasMessage("graph answered 500");
        assertThatThrownBy(() -> graph.fetch(down)).isInstanceOf(GraphLeads.Unavailable.class);
        assertThat(graph.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = server.findAll(getRequestedFor(urlPathEqualTo(path(down)))).size();

        assertThatThrownBy(() -> graph.fetch(down)).isInstanceOf(GraphLeads.Unavailable.class).hasMessage("circuit open");
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo(path(down))))).hasSize(calls);
    }

    @Test
    void aMalformedLeadIdIsNeverSent() {
        assertThatThrownBy(() -> client(1000).fetch("../me")).isInstanceOf(GraphLeads.Unavailable.class);
    }

    private static String path(String id) {
        return MarketingTestInfrastructure.GRAPH_VERSION + "/" + id;
    }

    private static String leadId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
    }
}
