package uk.alluris.rights.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.kit.register.ProcessingRegister;
import uk.alluris.kit.register.RegisterNotices;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.testsupport.TestTokens;

/** {@code GET /api/privacy/register}: public, cacheable, every entry of the configured register, and nothing else. */
class RegisterEndpointIntegrationTest extends MailedRightsContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ProcessingRegister register;
    @Autowired
    RegisterNotices notices;

    @Test
    void anyoneReadsTheWholeRegisterWithoutSigningInAndEveryEntryIsTheConfiguredOne() {
        HttpResponse<String> response = new RightsTestCalls(port).get(RegisterController.PATH, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("controller").asString()).isEqualTo(register.controller());
        assertThat(body.path("purposes").findValuesAsString("key")).containsExactlyElementsOf(
                register.purposes().stream().map(ProcessingRegister.Purpose::key).toList());
        assertThat(keys(body.path("categories"))).containsExactlyElementsOf(
                register.categories().stream().map(ProcessingRegister.DataCategory::key).toList());
        assertThat(keys(body.path("recipients"))).containsExactlyElementsOf(
                register.recipients().stream().map(ProcessingRegister.Recipient::key).toList());
        assertThat(body.path("transfers").findValuesAsString("safeguard")).containsExactlyElementsOf(
                register.transfers().stream().map(ProcessingRegister.Transfer::safeguard).toList());
        assertThat(keys(body.path("rights"))).hasSize(notices.rights().size()).contains("access", "erasure");
        assertThat(body.path("complaints").path("phone").asString()).isEqualTo("0303 123 1113");
        JsonNode payments = body.path("categories").get(3);
        assertThat(payments.path("key").asString()).isEqualTo("payments");
        assertThat(payments.path("retention").path("period").asString()).isEqualTo("P6Y");
        assertThat(payments.path("retention").path("says").asString())
                .isEqualTo("6 years after the end of the financial year it belongs to");
        assertThat(payments.path("legalBasisSays").asString()).startsWith("Legal obligation");
    }

    @Test
    void aRepeatedReadWithItsETagIsNotModifiedAndCachesMayKeepItForAnHour() throws Exception {
        HttpResponse<String> first = new RightsTestCalls(port).get(RegisterController.PATH,
                TestTokens.get().client("someone"));
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + RegisterController.PATH)).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600", "public");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aQueryParameterIsA400ProblemNotSilentlyIgnored() {
        HttpResponse<String> response = new RightsTestCalls(port).get(RegisterController.PATH + "?category=payments",
                null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("takes no query parameters");
        assertThat(response.body()).doesNotContain("null");
    }

    private static java.util.List<String> keys(JsonNode array) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        array.forEach(entry -> keys.add(entry.path("key").asString()));
        return keys;
    }
}
