package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sink takes Twilio's call only with the account's credentials and lets anyone read what it received. */
class SmsSinkIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final SmsSink sink = start();

    @AfterEach
    void stop() {
        sink.stop();
    }

    @Test
    void aMessageSentWithTheAccountsCredentialsCanBeReadByNumberAndARepeatedKeyIsTakenOnce() throws Exception {
        String form = "To=%2B447700900555&From=Alluris&Body=See+you+tomorrow";

        HttpResponse<String> sent = send("AC1", "AC1:token-1", form, "key-1");
        HttpResponse<String> repeated = send("AC1", "AC1:token-1", form, "key-1");
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(url("/messages?to=+447700900555")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("\"sid\":\"SM").contains("\"status\":\"queued\"");
        assertThat(repeated.body()).isEqualTo(sent.body());
        assertThat(read.body()).contains("See you tomorrow").contains("+447700900555");
        assertThat(sink.messagesTo("+447700900555")).hasSize(1);
    }

    @Test
    void wrongCredentialsAnotherAccountOrANumberThatIsNotE164AreRefused() throws Exception {
        assertThat(send("AC1", "AC1:wrong", "To=%2B447700900556&Body=x", null).statusCode()).isEqualTo(401);
        assertThat(send("AC2", "AC1:token-1", "To=%2B447700900556&Body=x", null).statusCode()).isEqualTo(401);
        assertThat(send("AC1", "AC1:token-1", "To=07700900556&Body=x", null).statusCode()).isEqualTo(400);
        assertThat(sink.messagesTo("+447700900556")).isEmpty();
    }

    private HttpResponse<String> send(String account, String credentials, String form, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/2010-04-01/Accounts/" + account + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + sink.port() + path.replace("+", "%2B"));
    }

    private static SmsSink start() {
        try {
            return SmsSink.start(0, "AC1", "token-1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
