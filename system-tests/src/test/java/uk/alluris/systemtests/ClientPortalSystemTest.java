package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A client's journey through the portal in real headless Chromium, against the packaged platform: sign-in with the
 * code read from the mail, registration, a consent given, an appointment booked and cancelled, an access request
 * followed to completion and its ZIP downloaded through the portal, the policy, and sign-out. One sign-in for it all
 * (CI time); screenshots of each screen go to docs/screens/portal-*.png.
 */
class ClientPortalSystemTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final RunningPlatform platform = RunningPlatform.get();
    private final PlatformClient api = new PlatformClient(platform);

    @Test
    void aClientSignsInWithTheMailedCodeGivesAConsentBooksAndFollowsAnAccessRequestToItsZip() {
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        try (Browser browser = Browser.open()) {
            browser.devTools("Network.enable", Map.of());
            browser.devTools("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("X-Forwarded-For", "198.51.100." + (200 + (int) (Math.random() * 50)))));
            browser.go(platform.gatewayUrl() + "/portal").awaitText("Sign in to your account");
            browser.screenshot("portal-sign-in");
            browser.type(By.id("email"), email).click(By.id("sign-in-button")).awaitText("a six-digit code is on its way");
            browser.type(By.id("code"), api.codeMailedTo(email, CODE)).click(By.id("sign-in-button"))
                    .awaitText("we do not have you as a client yet");

            browser.click(By.linkText("Tell us your details")).type(By.id("reg-name"), "Portia Portal")
                    .type(By.id("reg-email"), email);
            browser.script("document.getElementById('reg-dob').value = '1991-04-12'");
            browser.click(By.id("register-button")).awaitText("Hello, Portia Portal");
            browser.screenshot("portal-home");
            browser.click(By.linkText("My details")).awaitText("12/04/1991");
            browser.screenshot("portal-details");

            browser.click(By.linkText("My consents"));
            browser.click(By.cssSelector("#purpose-marketing\\.email button"))
                    .awaitText("Recorded: you have given your consent.");
            assertThat(browser.find(By.id("purpose-marketing.email")).getText()).contains("Yes, since");
            assertThat(browser.find(By.id("history")).getText()).contains("Emails about our offers and news", "Given");
            browser.screenshot("portal-consents");

            browser.click(By.linkText("Marketing")).awaitText("You are not on any of our marketing lists");
            browser.screenshot("portal-marketing");

            bookAChemicalPeel(browser);
            browser.click(By.linkText("My appointments")).awaitText("Chemical peel");
            browser.screenshot("portal-appointments");
            browser.click(By.cssSelector("form[action$='/cancellation'] button")).awaitText("Cancelled.");
            assertThat(browser.text()).contains("Cancelled");

            browser.click(By.linkText("My privacy requests")).click(By.id("type-ACCESS"));
            browser.screenshot("portal-requests");
            browser.click(By.id("send-request")).awaitText("Copy of your data");
            browser.await(Duration.ofMinutes(3), driver -> !driver.findElements(By.id("download")).isEmpty());
            assertThat(browser.find(By.id("request-status")).getText()).isEqualTo("Done");
            browser.screenshot("portal-request");
            Map<String, String> files = unzip(download(browser, browser.find(By.id("download")).getAttribute("href")));
            assertThat(files).containsKeys("index.json", "summary.html", "booking-service.json",
                    "consent-service.json", "records-service.json", "marketing-service.json");
            assertThat(files.get("booking-service.json")).contains("Portia Portal");
            assertThat(files.get("consent-service.json")).contains("marketing.email");

            browser.click(By.linkText("How we use your data")).awaitText("Dr Alluris Aesthetics Ltd");
            browser.screenshot("portal-policy");
            // the register endpoint, the bundle's supplementary information and the portal show the same entries
            List<String> published = RegisterEntries.published(api.viaGateway("GET", "/api/privacy/register",
                    Optional.empty()).body());
            assertThat(published).hasSizeGreaterThan(20);
            assertThat(RegisterEntries.inHtml(files.get("summary.html"))).containsExactlyElementsOf(published);
            assertThat(browser.driver().findElements(By.cssSelector("#about-your-data [id]")).stream()
                    .map(element -> element.getAttribute("id")).filter(RegisterEntries::isEntry).toList())
                    .containsExactlyElementsOf(published);
            assertThat(browser.text()).contains("6 years after the end of the financial year it belongs to",
                    "0303 123 1113");
            browser.click(By.linkText("Policy history")).awaitText("Our privacy policy over time");
            browser.screenshot("portal-policy-history");
            browser.click(By.linkText("Complaints")).awaitText("Tell us what went wrong")
                    .type(By.id("complaint-text"), "Nobody told me when my photos would be deleted.")
                    .click(By.id("send-complaint")).awaitText("we have your complaint");
            assertThat(browser.find(By.id("my-complaints")).getText())
                    .contains("Nobody told me when my photos would be deleted.", "Open", "Not answered yet.");
            browser.screenshot("portal-complaints");
            browser.click(By.xpath("//button[text()='Sign out']")).awaitText("You have signed out.");
            browser.go(platform.gatewayUrl() + "/portal/consents").awaitText("Sign in to your account");
        }
    }

    private static void bookAChemicalPeel(Browser browser) {
        browser.click(By.linkText("My appointments")).click(By.id("book-link"));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        for (int ahead = 3; ahead < 17; ahead++) {
            browser.script("""
                    var treatment = document.getElementById('treatment');
                    treatment.value = Array.from(treatment.options).find(o => o.text.startsWith('Chemical peel')).value;
                    document.getElementById('slots').innerHTML = '';
                    document.getElementById('day').value = arguments[0];""", today.plusDays(ahead).toString());
            browser.click(By.id("show-slots"));
            String times = browser.await(driver -> !driver.findElements(By.id("slot-0")).isEmpty() ? "free"
                    : !driver.findElements(By.id("no-slots")).isEmpty() ? "none" : null);
            if (times.equals("free")) {
                browser.screenshot("portal-book");
                browser.click(By.id("book-button")).await(driver -> driver.getPageSource().contains("id=\"booked\"")
                        || driver.getPageSource().contains("role=\"alert\""));
                if (browser.text().contains("Your appointment is booked")) {
                    browser.screenshot("portal-booked");
                    return;
                }
            }
        }
        throw new AssertionError("no day in the next two weeks had a chemical peel free: " + browser.text());
    }

    /** The link's bytes, fetched by the page itself (its cookies, its origin), as a click would download them. */
    private static byte[] download(Browser browser, String href) {
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(function (r) { return r.ok ? r.arrayBuffer() : Promise.reject(r.status); })
                  .then(function (b) { var s = ''; var a = new Uint8Array(b);
                    for (var i = 0; i < a.length; i++) { s += String.fromCharCode(a[i]); } done(btoa(s)); })
                  .catch(function (e) { done('failed ' + e); });""", href);
        assertThat(String.valueOf(answer)).doesNotStartWith("failed");
        return Base64.getDecoder().decode(String.valueOf(answer));
    }

    private static Map<String, String> unzip(byte[] zip) {
        assertThat(zip).startsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 });
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
