package uk.alluris.kit.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Whatever is malformed about a request, a service answers a clean 4xx problem: never a 500, never a null member. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=kit-test")
@UsesEmbeddedInfrastructure
class MalformedRequestsIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/not-open-without-a-token", "/recipients/abc", "/recipients/abc?token=%ff", "/recipients/abc?email=a%ff@example.com",
            "/recipients/%ff", "/recipients/a%00b", "/recipients/abc?x=%c3%28",
            "/recipients?email=a%ff@example.com", "/recipients?email=jane.doe%40example.com&email=%ff" })
    void aMalformedOrUnauthenticatedRequestGetsAProblemWithoutNullMembers(String target) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("null").doesNotContain("%ff").doesNotContain("example.com");
    }

    @Test
    void aListEndpointAnswersOnePageAtATimeAndSaysWhereItLies() throws Exception {
        HttpResponse<String> first = get("/numbers");
        HttpResponse<String> last = get("/numbers?page=2&size=100");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).startsWith("[0,1,2,").endsWith(",198,199]");
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("250");
        assertThat(first.headers().firstValue("X-Page-Size")).hasValue("200");
        assertThat(last.body()).startsWith("[200,").endsWith(",249]");
        assertThat(get("/numbers?page=1").body()).startsWith("[200,").endsWith(",249]");
        assertThat(get("/numbers?page=2").body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "size=201|size must be a whole number between 1 and 200",
            "size=0|size must be a whole number between 1 and 200", "size=ten|size must be a whole number between 1 and 200",
            "page=-1|page must be a whole number, 0 or more", "page=1e3|page must be a whole number, 0 or more" })
    void aPageThatIsNotOneIsA400NamingTheParameterAndWhatItAllows(String query, String explanation) throws Exception {
        HttpResponse<String> response = get("/numbers?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains(explanation).doesNotContain("null");
    }

    private HttpResponse<String> get(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"granted\":-1,\"recordedAt\":\"2026-03-01T10:00:00Z\",\"kind\":\"GIVEN\"}|granted must be true or false",
            "{\"granted\":\"yes\",\"recordedAt\":\"2026-03-01T10:00:00Z\",\"kind\":\"GIVEN\"}|granted must be true or false",
            "{\"granted\":true,\"recordedAt\":\"yesterday\",\"kind\":\"GIVEN\"}|recordedAt must be a date-time",
            "{\"granted\":true,\"recordedAt\":12345,\"kind\":\"GIVEN\"}|recordedAt must be a date-time",
            "{\"granted\":true,\"recordedAt\":\"1800-03-01T10:00:00Z\",\"kind\":\"GIVEN\"}|recordedAt must be between 1900-01-01 and 2100-12-31",
            "{\"granted\":true,\"recordedAt\":\"2200-03-01T10:00:00Z\",\"kind\":\"GIVEN\"}|recordedAt must be between 1900-01-01 and 2100-12-31",
            "{\"granted\":true,\"recordedAt\":\"+99999-01-01T00:00:00Z\",\"kind\":\"GIVEN\"}|recordedAt must be between 1900-01-01 and 2100-12-31",
            "{\"granted\":true,\"recordedAt\":\"2026-03-01T10:00:00Z\",\"kind\":\"jane@example.com\"}|kind must be one of GIVEN, WITHDRAWN",
            "{\"granted\":true,|the body is not valid JSON" })
    void aBodyOfTheWrongShapeIsA400NamingTheFieldAndWhatItAllows(String body, String explanation) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decisions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(explanation).doesNotContain("null").doesNotContain("jane");
    }

    /** Found by the fuzz suite: each of these was a 500, or a 415 quoting the Content-Type sent. */
    @ParameterizedTest
    @ValueSource(strings = { "multipart/form-data", "application/x-www-form-urlencoded", "jane/doe" })
    void aBodyOfTheWrongContentTypeIsA4xxProblemThatNeverQuotesIt(String contentType) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/decisions"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"granted\":true,\"kind\":\"GIVEN\",\"jane\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 415);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("null").doesNotContain("jane").doesNotContain("doe");
    }

    /** Found by the fuzz suite: Spring wrote no body at all for a refusal the caller's Accept did not name. */
    @ParameterizedTest
    @ValueSource(strings = { "application/xml", "jane-doe", "image/png;q=jane", "text/csv, application/pdf" })
    void aRefusalIsAProblemWhateverTheAcceptHeaderSays(String accept) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/recipients/abc?email=a%ff@example.com")).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":").doesNotContain("null").doesNotContain("jane");
    }

    @Test
    void aQueryValueOfTheWrongTypeNamesTheAllowedValuesWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/decisions?status=jane.doe@example.com")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("status must be one of GIVEN, WITHDRAWN").doesNotContain("jane");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/diary?date=1800-01-01|date must be a date between 1900-01-01 and 2100-12-31",
            "/diary?date=2101-01-01|date must be a date between 1900-01-01 and 2100-12-31",
            "/slots?from=1899-12-31T23:00:00Z|from must be a date-time between 1900-01-01 and 2100-12-31",
            "/slots?from=2026-03-01T10:00:00Z&to=2200-03-01T10:00:00Z|to must be a date-time between 1900-01-01 and 2100-12-31" })
    void aDateOrTimeInTheQueryOutsideThePlausibleRangeIsA400NamingTheParameterAndTheRange(String target,
            String explanation) throws Exception {
        HttpResponse<String> response = get(target);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains(explanation).doesNotContain("null").doesNotContain("1800")
                .doesNotContain("2101").doesNotContain("1899").doesNotContain("2200");
    }

    @Test
    void aDateOrTimeInTheQueryWithinThePlausibleRangeIsAnsweredAsBefore() throws Exception {
        assertThat(get("/diary?date=1900-01-01").body()).isEqualTo("1900-01-01");
        assertThat(get("/diary?date=2100-12-31").body()).isEqualTo("2100-12-31");
        assertThat(get("/slots?from=2026-03-01T10:00:00Z").body()).isEqualTo("2026-03-01T10:00Z open");
    }
}
