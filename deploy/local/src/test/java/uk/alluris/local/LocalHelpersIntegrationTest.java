package uk.alluris.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ./run's helpers process: mail, the payment simulator and the SMS sink in one JVM, each on the port it is given. */
class LocalHelpersIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theThreeHelpersAnswerOnThePortsTheEnvironmentGivesThemAndStopTogether() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        int payments = freePort();
        int sms = freePort();
        LocalHelpers.Running helpers = LocalHelpers.start(Map.of("SMTP_PORT", String.valueOf(smtp),
                "IMAP_PORT", String.valueOf(imap), "PAYMENT_SIMULATOR_PORT", String.valueOf(payments),
                "SMS_SINK_PORT", String.valueOf(sms)));
        try {
            assertThat(greeting(smtp)).startsWith("220");
            assertThat(greeting(imap)).startsWith("* OK");
            // the simulator refuses a call without the processor's secret key: it is the simulator answering
            assertThat(get(payments, "/v1/payment_intents/pi_unknown").statusCode()).isEqualTo(401);
            assertThat(get(sms, "/messages?to=%2B447700900123").body()).isEqualTo("[]");
        } finally {
            helpers.stop();
        }
        assertThatThrownBy(() -> greeting(smtp)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(sms, "/messages")).isInstanceOf(IOException.class);
    }

    @Test
    void aHelperWhosePortIsTakenStopsTheOnesAlreadyStarted() throws Exception {
        int smtp = freePort();
        int imap = freePort();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> LocalHelpers.start(Map.of("SMTP_PORT", String.valueOf(smtp),
                    "IMAP_PORT", String.valueOf(imap), "PAYMENT_SIMULATOR_PORT", String.valueOf(taken.getLocalPort()),
                    "SMS_SINK_PORT", String.valueOf(freePort())))).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> greeting(smtp)).isInstanceOf(IOException.class);
    }

    private static String greeting(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
