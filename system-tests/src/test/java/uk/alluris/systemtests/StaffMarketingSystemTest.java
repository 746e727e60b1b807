package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import uk.alluris.benchmarks.StaffCodes;

/**
 * The administrator's marketing work in real headless Chromium against the packaged platform: a partner's lead with
 * email consent waits in the leads inbox; the admin composes a campaign, sees how many would receive it, sends it and
 * watches it complete (htmx polls the progress) while the mail reaches the lead's person; then looks up an address on
 * the suppression list. Screenshots: staff-leads, staff-campaigns, staff-suppression.
 */
class StaffMarketingSystemTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void anAdministratorComposesACampaignSeesItsAudienceSendsItAndWatchesItComplete() throws Exception {
        String email = "staff-marketing-" + UUID.randomUUID() + "@example.com";
        String subject = "Autumn glow " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> lead = signedLead("""
                {"leadId":"dash-%s","email":"%s","fullName":"Philippa Lead","formId":"autumn-form",
                 "consentText":"Email me offers","consent":{"email":true,"sms":false},"capturedAt":"%s"}
                """.formatted(UUID.randomUUID(), email, Instant.now()));
        assertThat(lead.statusCode()).as(lead.body()).isEqualTo(202);

        try (Browser browser = signedInAsAdmin()) {
            browser.click(By.linkText("Leads")).awaitText("Philippa Lead");
            assertThat(browser.text()).contains(email, "Marketing by email", "Email me offers");
            browser.screenshot("staff-leads");

            browser.click(By.linkText("Campaigns")).type(By.id("subject"), subject)
                    .type(By.id("body"), "Our autumn treatments are here.")
                    .click(By.id("check-audience")).awaitText("would receive it now");
            int wouldReceive = Integer.parseInt(browser.find(By.cssSelector("#would-receive strong")).getText());
            assertThat(wouldReceive).isPositive();
            browser.click(By.id("send-campaign")).awaitText(subject);
            // htmx swaps the progress in place until the campaign is sent; the page is never reloaded
            browser.script("document.body.dataset.loadedOnce = 'yes'");
            browser.await(Duration.ofMinutes(2), driver -> driver.findElement(By.id("campaign-state")).getText()
                    .startsWith("Sent") ? true : null);
            assertThat(browser.script("return document.body.dataset.loadedOnce")).isEqualTo("yes");
            assertThat(Integer.parseInt(browser.find(By.id("count-sent")).getText())).isEqualTo(wouldReceive);
            browser.screenshot("staff-campaigns");
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(email, subject) == 1);

            browser.click(By.linkText("Suppression list")).awaitText("suppressed.");
            browser.type(By.id("email"), email).click(By.id("look-up")).awaitText("is not on the suppression list");
            browser.screenshot("staff-suppression");
        }
        assertThat(mailsTo(email, subject)).isEqualTo(1);
    }

    private Browser signedInAsAdmin() {
        String admin = "admin@alluris.local";
        Browser browser = Browser.open();
        browser.devTools("Network.enable", Map.of());
        browser.devTools("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", "198.51.100.240")));
        browser.go(platform.gatewayUrl() + "/staff/sign-in");
        browser.type(By.id("username"), admin).type(By.id("password"), RunningPlatform.STAFF_PASSWORD)
                .click(By.id("sign-in-button"));
        browser.type(By.id("code"), StaffCodes.next(admin, RunningPlatform.STAFF_TOTP_SECRET))
                .click(By.id("sign-in-button"));
        browser.awaitText("Signed in as");
        return browser;
    }

    private long mailsTo(String to, String subject) {
        return Arrays.stream(platform.mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(to) && subject.equals(message.getSubject());
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    private HttpResponse<String> signedLead(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningPlatform.PARTNER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String v1 = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/webhooks/leads/acme"))
                .header("Content-Type", "application/json").header("X-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
