package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mailed link opened by a person is a page, not JSON: a used confirmation link shows that the subscription stands, a
 * damaged one says what happened with the next step one click away; an API caller asking for JSON still gets the
 * problem details.
 */
class MailedLinkPagesSystemTest {

    private static final Pattern CONFIRM = Pattern.compile("(https?://\\S+/api/marketing/subscriptions/confirm\\?token=\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aUsedConfirmLinkAndADamagedOneOpenPagesInABrowserAndAnApiCallerGetsAProblem() throws Exception {
        PlatformClient client = new PlatformClient(RunningPlatform.get());
        String email = "mailed-link-" + UUID.randomUUID() + "@example.com";
        assertThat(client.call("POST", "/api/marketing/subscriptions", "{\"email\":\"" + email
                + "\",\"lists\":[\"newsletter\"],\"channels\":[\"email\"]}", null).status()).isEqualTo(202);
        String link = confirmLinkMailedTo(email);
        String damaged = link.substring(0, link.length() - 6) + (link.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

        HttpResponse<String> confirmed = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        try (Browser browser = Browser.open()) {
            browser.go(link).awaitText("You are already subscribed");

            browser.go(damaged).awaitText("This link did not work");
            assertThat(browser.find(By.id("what-happened")).getText()).isNotBlank();
            assertThat(browser.find(By.id("next-step")).getText()).isEqualTo("Sign up again");
            browser.screenshot("expired-link");
        }
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(damaged))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(api.body()).path("status").asInt()).isEqualTo(400);
    }

    private static String confirmLinkMailedTo(String email) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email).length > 0);
        MimeMessage[] mails = mailsTo(email);
        String body = GreenMailUtil.getBody(mails[mails.length - 1]).replace("=\r\n", "").replace("=3D", "=");
        Matcher link = CONFIRM.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private static MimeMessage[] mailsTo(String email) {
        return Arrays.stream(RunningPlatform.get().mail().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(email));
            } catch (MessagingException e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }
}
