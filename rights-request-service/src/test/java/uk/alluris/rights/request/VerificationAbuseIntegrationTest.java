package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;

/**
 * Verification codes can be neither raced nor farmed: parallel guesses spend their tries in the store, one at a time,
 * and a used code is gone; an address has at most three requests waiting for a code, and a fourth filing is answered
 * exactly alike but mails nothing.
 */
class VerificationAbuseIntegrationTest extends MailedRightsContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void twelveParallelWrongGuessesSpendTheFiveTriesAndTheRightCodeThenFails() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.com";
        UUID id = file(email);
        String code = RightsTestCalls.codeMailedTo(MAIL, email);
        String wrong = code.equals("000000") ? "111111" : "000000";

        List<Integer> answers = parallel(12, () -> verify(id, wrong).statusCode());

        assertThat(answers).hasSize(12).containsOnly(422);
        assertThat(calls().officerGet("/api/privacy/requests/" + id + "/evidence").findValuesAsString("step"))
                .filteredOn("VERIFICATION_FAILED"::equals).hasSize(FilingRequests.CODE_ATTEMPTS);
        assertThat(verify(id, code).statusCode()).isEqualTo(422);
        assertThat(calls().officerGet("/api/privacy/requests/" + id).path("status").asString())
                .isEqualTo("AWAITING_VERIFICATION");
    }

    @Test
    void aUsedCodeNeverWorksAgain() {
        String email = "used-" + UUID.randomUUID() + "@example.com";
        UUID id = file(email);
        String code = RightsTestCalls.codeMailedTo(MAIL, email);

        assertThat(verify(id, code).statusCode()).isEqualTo(200);
        HttpResponse<String> again = verify(id, code);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(calls().officerGet("/api/privacy/requests/" + id + "/evidence").findValuesAsString("step"))
                .filteredOn("VERIFIED"::equals).hasSize(1);
    }

    @Test
    void theRequesterFollowsTheirRequestWithTheTokenTheCodeGaveAndNoOtherTokenOrRequestOpensIt() {
        String email = "follow-" + UUID.randomUUID() + "@example.com";
        UUID id = file(email);
        assertThat(progress(id, "made-up").statusCode()).isEqualTo(404);

        JsonNode verified = JSON.readTree(verify(id, RightsTestCalls.codeMailedTo(MAIL, email)).body());
        String token = verified.path("followToken").asString();
        HttpResponse<String> followed = progress(id, token);

        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(followed.statusCode()).isEqualTo(200);
        JsonNode progress = JSON.readTree(followed.body());
        assertThat(progress.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(progress.path("dueDate").asString()).isNotBlank();
        assertThat(progress.path("services").size()).isPositive();
        assertThat(followed.body()).doesNotContain(email).doesNotContain("identifiers").doesNotContain("followToken");
        assertThat(progress(id, token.substring(1)).statusCode()).isEqualTo(404);
        assertThat(progress(id, null).statusCode()).isEqualTo(404);
        assertThat(progress(file("other-" + email), token).statusCode()).isEqualTo(404);
    }

    @Test
    void aFourthUnverifiedFilingIsAnsweredAlikeAndMailsNothingUntilOneIsVerified() {
        String email = "farm-" + UUID.randomUUID() + "@example.com";
        List<HttpResponse<String>> first = IntStream.range(0, 3).mapToObj(i -> fileAnswer(email)).toList();
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).hasSize(3);

        HttpResponse<String> fourth = fileAnswer(email);

        assertThat(fourth.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(fourth.body()).propertyNames())
                .containsExactlyElementsOf(JSON.readTree(first.get(0).body()).propertyNames());
        assertThat(JSON.readTree(fourth.body()).path("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        // the mail is sent before the filing is answered: what has not arrived by now was never sent
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).hasSize(3);
        UUID fourthId = UUID.fromString(JSON.readTree(fourth.body()).path("id").asString());
        assertThat(verify(fourthId, "123456").statusCode()).isEqualTo(422);
        assertThat(calls().officerGet("/api/privacy/requests/" + fourthId + "/evidence").toString())
                .contains("no code was sent");

        UUID firstId = UUID.fromString(JSON.readTree(first.get(0).body()).path("id").asString());
        assertThat(verify(firstId, RightsTestCalls.codeMailedTo(MAIL, email)).statusCode()).isEqualTo(200);
        fileAnswer(email);
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).hasSize(4);
    }

    @Test
    void sixParallelFilingsForOneAddressMailThreeCodes() throws Exception {
        String email = "burst-" + UUID.randomUUID() + "@example.com";

        List<Integer> answers = parallel(6, () -> fileAnswer(email).statusCode());

        assertThat(answers).containsOnly(202);
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).hasSize(3);
    }

    private static <T> List<T> parallel(int times, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<T>> futures = pool.invokeAll(IntStream.range(0, times).mapToObj(i -> call).toList());
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> verify(UUID id, String code) {
        return calls().post("/api/privacy/requests/" + id + "/verification", "{\"code\":\"" + code + "\"}", null);
    }

    private HttpResponse<String> progress(UUID id, String token) {
        return token == null ? calls().get("/api/privacy/requests/" + id + "/progress", null)
                : calls().getWith("/api/privacy/requests/" + id + "/progress", "X-Request-Token", token);
    }

    private UUID file(String email) {
        return UUID.fromString(JSON.readTree(fileAnswer(email).body()).path("id").asString());
    }

    private HttpResponse<String> fileAnswer(String email) {
        return calls().post("/api/privacy/requests", "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}", null);
    }

    private RightsTestCalls calls() {
        return new RightsTestCalls(port);
    }
}
