package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * A person without an account, in real headless Chromium at the gateway's {@code /privacy}: asks to be erased (a
 * mistyped address is said on the form first), enters the code read from the mail, a wrong one first, and follows the
 * request on the page as every part of the system answers, to the receipts and the ICO route; the outcome mail
 * says the same, and "how we use your data" shows the register of processing. Screenshots
 * {@code privacy-*.png}.
 */
class PrivacyCentreSystemTest {

    @Test
    void aPersonWithoutAnAccountFilesAnErasureConfirmsItWithTheMailedCodeAndFollowsItToCompletion() {
        RunningPlatform platform = RunningPlatform.get();
        Journey journey = new Journey();
        Journey.Person person = journey.person("centre");
        journey.seed(person);
        try (Browser browser = Browser.open()) {
            browser.go(platform.gatewayUrl() + "/privacy").awaitText("Ask us about your data");
            assertThat(browser.text()).contains("Delete my data", "ico.org.uk/make-a-complaint", "0303 123 1113");
            browser.screenshot("privacy-start");

            browser.click(By.id("type-ERASURE")).type(By.id("email"), "harriet.example.com").click(By.id("send"))
                    .awaitText("Enter your email address as name@example.com");
            browser.screenshot("privacy-start-problem");
            browser.type(By.id("email"), person.email()).type(By.id("fullName"), person.fullName())
                    .click(By.id("send")).awaitText("Check your email");
            browser.screenshot("privacy-code");

            String code = journey.client.codeMailedTo(person.email(), Journey.CODE);
            browser.type(By.id("code"), code.equals("000000") ? "111111" : "000000").click(By.id("confirm"))
                    .awaitText("That code is wrong, used up or expired");
            browser.type(By.id("code"), code).click(By.id("confirm")).awaitText("Your request: Delete my data");
            String id = browser.url().substring(browser.url().lastIndexOf('/') + 1);
            assertThat(browser.url()).isEqualTo(platform.gatewayUrl() + "/privacy/requests/" + id);
            browser.screenshot("privacy-following");

            browser.await(Duration.ofSeconds(120), page -> page.findElement(By.tagName("body")).getText()
                    .contains("Every part of our system has answered"));
            assertThat(browser.text()).contains("Appointments, payments and your details", "Clinical records",
                    "Your consents", "Marketing and newsletters", "contact profile: deleted",
                    "payments: kept, because the law requires it",
                    "clinical records: kept, because the law requires it",
                    "subscribers: deleted", "consent personal data: deleted",
                    "complain to the Information Commissioner's Office");
            browser.screenshot("privacy-done");
            JsonNode done = journey.awaitCompleted(id);
            assertThat(done.path("services").size()).isEqualTo(4);
            done.path("services").properties().forEach(service ->
                    assertThat(browser.text()).contains(service.getValue().path("receipt").get(0).path("category")
                            .asString().replace('-', ' ')));

            // told the outcome by mail: what each part did, what was kept, why and until when, and the ICO route
            String outcome = outcomeMailTo(platform, person.email());
            assertThat(outcome).contains(id, "Appointments, payments and your details", "contact profile: deleted",
                    "payments: kept, because the law requires it", "What we kept, why, and until when",
                    "kept on this ground:", "ico.org.uk/make-a-complaint, telephone 0303 123 1113")
                    .doesNotContain(person.fullName()).doesNotContain(person.phone());

            browser.click(By.id("how-we-use")).awaitText("How we use your data");
            assertThat(browser.text()).contains("6 years after the end of the financial year it belongs to",
                    "Transfers outside the UK", "Information Commissioner's Office (ICO)");
            browser.screenshot("privacy-register");

            browser.go(platform.gatewayUrl() + "/privacy/requests/" + id + "/bundle")
                    .awaitText("This download no longer works");
            browser.click(By.id("next")).awaitText("Ask us about your data");
        }
    }

    private static String outcomeMailTo(RunningPlatform platform, String email) {
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomeMail(platform, email).isPresent());
        return outcomeMail(platform, email).orElseThrow();
    }

    private static Optional<String> outcomeMail(RunningPlatform platform, String email) {
        for (MimeMessage message : platform.mail().getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)
                        && "Your privacy request is complete".equals(message.getSubject())) {
                    return Optional.of(String.valueOf(message.getContent()).replaceAll("\\s+", " "));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Optional.empty();
    }
}
