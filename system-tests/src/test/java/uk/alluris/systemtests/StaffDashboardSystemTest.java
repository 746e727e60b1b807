package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import uk.alluris.benchmarks.StaffCodes;
import uk.alluris.testsupport.ServiceCalls;

/**
 * Each role's main journey through the staff dashboard in real headless Chromium, against the packaged platform:
 * sign-in at the gateway (with the second factor for the officer and the administrator), pages served by web, every
 * call made with the signed-in person's own token. Screenshots of each screen go to docs/screens/.
 */
class StaffDashboardSystemTest {

    private static final AtomicInteger BROWSERS = new AtomicInteger(1);

    private final RunningPlatform platform = RunningPlatform.get();
    private final PlatformClient api = new PlatformClient(platform);

    @Test
    void receptionRegistersAClientFindsThemByEmailAndIsRefusedTheirClinicalRecord() {
        String email = "dashboard-" + UUID.randomUUID() + "@example.com";
        try (Browser browser = signedIn("reception@alluris.local")) {
            browser.screenshot("staff-home-reception");
            browser.click(By.linkText("Clients"))
                    .type(By.id("fullName"), "Rosalind Fairweather").type(By.id("email"), email)
                    .type(By.id("phone"), "07911 123456");
            browser.script("document.getElementById('dateOfBirth').value = '1988-03-14'");
            browser.click(By.id("register")).awaitText("Registered.");
            assertThat(browser.text()).contains("Rosalind Fairweather", "14/03/1988", "+447911123456");
            browser.screenshot("staff-client");

            // a wrong date of birth corrected at the desk: booking applies it and audits who changed what
            browser.click(By.xpath("//summary[text()='Correct details']"));
            browser.script("document.getElementById('c-dob').value = '1988-03-15'");
            browser.screenshot("staff-correct-client");
            browser.click(By.id("save-correction")).awaitText("Details corrected.");
            assertThat(browser.text()).contains("15/03/1988").doesNotContain("14/03/1988");

            LocalDate booked = bookAChemicalPeel(browser);
            LocalDate day = moveTheFirstAppointment(browser, booked);
            browser.go(platform.gatewayUrl() + "/staff/reception/diary?date=" + day).awaitText("Rosalind Fairweather");
            assertThat(browser.text()).contains("Chemical peel");
            browser.click(By.linkText("Rosalind Fairweather")).click(By.id("cancel-0")).awaitText("Cancelled.");
            assertThat(browser.text()).contains("cancelled");

            browser.go(platform.gatewayUrl() + "/staff/reception/clients");
            new Select(browser.find(By.id("by"))).selectByValue("email");
            browser.type(By.id("q"), email.toUpperCase()).click(By.id("search")).awaitText("1 found");
            assertThat(browser.text()).contains("Rosalind Fairweather");
            browser.screenshot("staff-clients");

            browser.click(By.linkText("Rosalind Fairweather")).click(By.linkText("Clinical record"))
                    .awaitText("This page is not for your role");
            browser.screenshot("staff-forbidden");
        }
    }

    @Test
    void aClinicianAddsAnEntryToAClientsRecord() {
        String clientId = registered("Imogen Ashdown", "record-" + UUID.randomUUID() + "@example.com");
        try (Browser browser = signedIn("clinician@alluris.local")) {
            browser.go(platform.gatewayUrl() + "/staff/clinical/" + clientId).awaitText("No clinical entries yet.");
            browser.type(By.id("notes"), "Consultation: discussed anti-wrinkle treatment, no contraindications.")
                    .click(By.id("add-entry")).awaitText("Entry added.");
            assertThat(browser.text()).contains("discussed anti-wrinkle treatment", "Consultation",
                    "clinician@alluris.local");
            browser.screenshot("staff-clinical-record");
        }
    }

    @Test
    void theOfficerVerifiesARequestsIdentityAndWatchesItComplete() {
        String email = "officer-" + UUID.randomUUID() + "@example.com";
        registered("Constance Ward", email);
        ServiceCalls.Answer filed = api.call("POST", "/api/privacy/requests",
                "{\"type\":\"RESTRICTION\",\"email\":\"" + email + "\",\"fullName\":\"Constance Ward\"}", null);
        assertThat(filed.status()).isEqualTo(202);
        String id = filed.json().path("id").asString();
        try (Browser browser = signedIn("privacy@alluris.local")) {
            browser.click(By.linkText("Privacy requests")).awaitText("request(s)");
            browser.screenshot("staff-privacy-queue");
            browser.go(platform.gatewayUrl() + "/staff/officer/requests/" + id).awaitText("Verify identity");
            browser.type(By.id("note"), "Called the client on the number we hold; she confirmed the request.")
                    .click(By.id("verify")).awaitText("Identity recorded as verified");
            // htmx polls the services' fragment; the page itself is never reloaded
            browser.script("document.body.dataset.loadedOnce = 'yes'");
            browser.await(Duration.ofMinutes(3), driver -> driver.findElements(By.id("complete")).isEmpty() ? null : true);
            assertThat(browser.script("return document.body.dataset.loadedOnce")).isEqualTo("yes");
            assertThat(browser.text()).contains("booking-service", "records-service", "answered");
            browser.screenshot("staff-privacy-request");

            // the completed restriction puts her on the restriction list, linked to her request
            browser.click(By.linkText("Restrictions")).awaitText("person(s) restricted");
            assertThat(browser.driver().findElements(By.cssSelector("a[href='/staff/officer/requests/" + id + "']")))
                    .hasSize(1);
            browser.screenshot("staff-restrictions");

            // the officer's other pages: what the retention jobs end in the next month, complaints, disclosures and
            // policy versions, each reached from the navigation
            browser.click(By.linkText("Retention")).awaitText("Kept for");
            assertThat(browser.driver().findElement(By.tagName("body")).getText())
                    .contains("payments", "clinical-records", "never ended by a job");
            browser.screenshot("staff-retention");
            browser.click(By.linkText("Complaints")).awaitText("complaint(s)");
            browser.screenshot("staff-complaints");
            browser.click(By.linkText("Disclosures")).awaitText("Record a disclosure");
            browser.screenshot("staff-disclosures");
            browser.click(By.linkText("Policy versions")).awaitText("Publish a new version");
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("2026-01");
            browser.screenshot("staff-policy-versions");
        }
    }

    @Test
    void anAdministratorCreatesAStaffAccountWhoThenSignsIn() {
        String username = "new-officer-" + UUID.randomUUID().toString().substring(0, 8) + "@alluris.local";
        String password = "a-long-first-password-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = signedIn("admin@alluris.local")) {
            browser.click(By.linkText("Staff accounts")).type(By.id("username"), username)
                    .click(By.id("role-PRIVACY_OFFICER")).type(By.id("password"), password)
                    .click(By.id("create-account")).awaitText("Account created.");
            assertThat(browser.text()).contains(username);
            browser.screenshot("staff-accounts");
            browser.click(By.xpath("//button[text()='Sign out']")).awaitText("You have signed out.");
        }
        // an officer needs a second factor: the first sign-in sets it up (key and recovery codes shown once)
        try (Browser browser = atSignIn()) {
            browser.type(By.id("username"), username).type(By.id("password"), password)
                    .click(By.id("sign-in-button"));
            browser.await(driver -> driver.findElement(By.id("enrol-step")).isDisplayed()
                    && !driver.findElement(By.id("enrol-secret")).getText().isBlank() ? true : null);
            String secret = browser.find(By.id("enrol-secret")).getText().replace(" ", "");
            assertThat(browser.find(By.id("enrol-uri")).getText()).startsWith("otpauth://totp/").contains(secret);
            assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            browser.screenshot("staff-enrol");
            browser.type(By.id("code"), StaffCodes.next(username, secret)).click(By.id("sign-in-button"));
            browser.awaitText("Signed in as");
            assertThat(browser.text()).contains("Signed in as " + username, "Privacy requests");
        }
    }

    @Test
    void aForgedCrossSitePostWithTheSessionCookieIsRefusedAndChangesNothing() throws Exception {
        try (Browser browser = signedIn("reception@alluris.local")) {
            Cookie session = browser.driver().manage().getCookieNamed("ALLURIS_SESSION");
            assertThat(session).isNotNull();
            // from another site's page: its Origin is not one the gateway trusts
            HttpResponse<String> crossSite = forgedRegistration(session.getValue(), Optional.of("https://evil.example"));
            assertThat(crossSite.statusCode()).isEqualTo(403);
            // with no Origin at all (an old browser, a tool): without the double-submit token it is refused too
            HttpResponse<String> noOrigin = forgedRegistration(session.getValue(), Optional.empty());
            assertThat(noOrigin.statusCode()).isEqualTo(403);
            assertThat(noOrigin.body()).contains("Cross-site request refused");
            assertThat(api.call("GET", "/api/bookings/clients?email=m%40evil.example", null,
                    api.staffToken("reception@alluris.local")).json().size()).isZero();
        }
    }

    private HttpResponse<String> forgedRegistration(String session, Optional<String> origin) throws Exception {
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/staff/reception/clients"))
                .header("Cookie", "ALLURIS_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113." + BROWSERS.incrementAndGet())
                .POST(HttpRequest.BodyPublishers.ofString("fullName=Mallory&email=m%40evil.example&dateOfBirth=1990-01-01"))
                .timeout(Duration.ofSeconds(30));
        origin.ifPresent(value -> forged.header("Origin", value));
        return HttpClient.newHttpClient().send(forged.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String registered(String fullName, String email) {
        ServiceCalls.Answer client = api.call("POST", "/api/bookings/clients", "{\"fullName\":\"" + fullName
                + "\",\"email\":\"" + email + "\",\"dateOfBirth\":\"1979-11-05\"}", api.staffToken("reception@alluris.local"));
        assertThat(client.status()).isEqualTo(201);
        return client.json().path("id").asString();
    }

    /**
     * On the client's page: a chemical peel, any practitioner, the first day from three days ahead that has a free
     * time (htmx loads them as radio buttons), then Book. A slot someone else took meanwhile is refused and retried.
     */
    private static LocalDate bookAChemicalPeel(Browser browser) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        for (int ahead = 3; ahead < 17; ahead++) {
            LocalDate day = today.plusDays(ahead);
            browser.script("""
                    var treatment = document.getElementById('treatment');
                    treatment.value = Array.from(treatment.options).find(o => o.text.startsWith('Chemical peel')).value;
                    document.getElementById('slots').innerHTML = '';
                    document.getElementById('day').value = arguments[0];""", day.toString());
            browser.click(By.id("show-slots"));
            String times = browser.await(driver -> !driver.findElements(By.id("slot-0")).isEmpty() ? "free"
                    : !driver.findElements(By.id("no-slots")).isEmpty() ? "none" : null);
            if (times.equals("free")) {
                browser.screenshot("staff-book");
                browser.click(By.id("book")).await(driver -> !driver.findElements(By.id("done")).isEmpty()
                        || !driver.findElements(By.id("refused")).isEmpty());
                if (browser.text().contains("Booked.")) {
                    return day;
                }
            }
        }
        throw new AssertionError("no day in the next two weeks had a chemical peel free: " + browser.text());
    }

    /**
     * Moves the client's first appointment to the first later day with a free time, through its Move form (htmx
     * loads that day's free times), and answers the day it moved to.
     */
    private static LocalDate moveTheFirstAppointment(Browser browser, LocalDate from) {
        for (int ahead = 1; ahead < 15; ahead++) {
            LocalDate day = from.plusDays(ahead);
            browser.script("""
                    document.querySelector('details:not(#correct)').open = true;
                    document.getElementById('move-slots-0').innerHTML = '';
                    document.getElementById('move-day-0').value = arguments[0];""", day.toString());
            browser.click(By.xpath("//div[@id='move-slots-0']/preceding::button[text()='Show free times'][1]"));
            String times = browser.await(driver -> !driver.findElements(By.id("move-0")).isEmpty() ? "free"
                    : !driver.findElements(By.cssSelector("#move-slots-0 #no-slots")).isEmpty() ? "none" : null);
            if (times.equals("free")) {
                browser.click(By.xpath("//div[@id='move-slots-0']/following::button[text()='Move'][1]"))
                        .await(driver -> !driver.findElements(By.id("done")).isEmpty()
                                || !driver.findElements(By.id("refused")).isEmpty());
                if (browser.text().contains("Moved.")) {
                    return day;
                }
            }
        }
        throw new AssertionError("no later day had a chemical peel free to move to: " + browser.text());
    }

    private Browser signedIn(String username) {
        return signedIn(username, RunningPlatform.STAFF_PASSWORD);
    }

    /** Signs in on the sign-in page, from an address of its own (the gateway limits sign-ins per address). */
    private Browser signedIn(String username, String password) {
        Browser browser = atSignIn();
        if (username.startsWith("reception@")) {
            browser.screenshot("staff-sign-in");
        }
        browser.type(By.id("username"), username).type(By.id("password"), password).click(By.id("sign-in-button"));
        if (username.startsWith("privacy@") || username.startsWith("admin@")) {
            browser.type(By.id("code"), StaffCodes.next(username, RunningPlatform.STAFF_TOTP_SECRET))
                    .click(By.id("sign-in-button"));
        }
        browser.awaitText("Signed in as");
        return browser;
    }

    /** The sign-in page, in a browser with an address of its own (the gateway limits sign-ins per address). */
    private Browser atSignIn() {
        Browser browser = Browser.open();
        browser.devTools("Network.enable", Map.of());
        browser.devTools("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("X-Forwarded-For", "198.51.100." + BROWSERS.incrementAndGet())));
        browser.go(platform.gatewayUrl() + "/staff/sign-in");
        return browser;
    }
}
