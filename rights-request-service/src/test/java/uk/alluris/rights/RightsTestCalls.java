package uk.alluris.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.testsupport.TestTokens;

/** The rights-request service's API and mail as its tests use them: JSON calls with a token, and the mailed code. */
public final class RightsTestCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CODE = Pattern.compile("enter this code: (\\d{6})");

    private final int port;

    public RightsTestCalls(int port) {
        this.port = port;
    }

    public JsonNode officerGet(String path) {
        return JSON.readTree(get(path, TestTokens.get().staff("PRIVACY_OFFICER")).body());
    }

    public HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    /** A GET without a sign-in, with one header (e.g. a request's own token). */
    public HttpResponse<String> getWith(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().header(header, value));
    }

    public HttpResponse<String> post(String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification code in the first mail to {@code email}. */
    public static String codeMailedTo(GreenMailOperations mail, String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesTo(mail, email).length > 0);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(messagesTo(mail, email)[0]).replaceAll("\\s+", " "));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    public static MimeMessage[] messagesTo(GreenMailOperations mail, String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(email);
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
