package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A website visitor and the cookie banner, in a real browser on the demo page the gateway serves: the analytics tag
 * never runs after Reject, runs after Accept from the "Cookie settings" link; a browser with Global Privacy Control has
 * advertising off without asking; and the choices are in consent-service, joining the visitor's ledger when they sign
 * in to the portal from that browser.
 */
class CookieBannerSystemTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aVisitorWhoRejectsNeverRunsTheAnalyticsTagThenAcceptsAndItRunsAndTheChoiceJoinsTheirLedgerAtSignIn()
            throws Exception {
        String demo = RunningPlatform.get().gatewayUrl() + "/consent/demo.html";
        try (Browser browser = Browser.open()) {
            browser.go(demo).find(By.id("alluris-cookie-banner"));
            assertThat(browser.find(By.id("alluris-cb-accept")).getSize())
                    .isEqualTo(browser.find(By.id("alluris-cb-reject")).getSize());
            browser.screenshot("cookie-banner");
            browser.click(By.id("alluris-cb-settings")).find(By.id("alluris-cb-analytics"));
            browser.screenshot("cookie-banner-settings");

            browser.click(By.id("alluris-cb-reject")).awaitText("analytics off, advertising off");
            assertThat(browser.script("return window.demoAnalyticsRuns === undefined")).isEqualTo(true);
            browser.go(demo).awaitText("analytics off");
            assertThat(browser.driver().findElements(By.id("alluris-cookie-banner"))).isEmpty();
            assertThat(browser.script("return window.demoAnalyticsRuns === undefined")).isEqualTo(true);
            assertThat(browser.find(By.id("analytics-status")).getText()).isEqualTo("not running");

            browser.click(By.cssSelector("[data-alluris-cookie-settings]")).click(By.id("alluris-cb-accept"));
            browser.awaitText("Analytics: running");
            assertThat(((Number) browser.script("return window.demoAnalyticsRuns")).intValue()).isEqualTo(1);
            assertThat(browser.script("return window.AllurisConsent.get().advertising")).isEqualTo(true);
            Cookie visitor = browser.driver().manage().getCookieNamed("alluris_visitor");
            assertThat(visitor.getValue()).matches("[0-9a-f]{32}");

            String email = "banner-" + UUID.randomUUID() + "@example.com";
            String token = signInFrom(visitor.getValue(), email);
            PlatformClient client = new PlatformClient(RunningPlatform.get());
            await().atMost(Duration.ofSeconds(10)).until(() -> client.call("GET", "/api/consents?email=" + email,
                    null, token).json().path("history").size() == 4);
            JsonNode ledger = client.call("GET", "/api/consents?email=" + email, null, token).json();
            assertThat(ledger.path("current").path("cookies.analytics").path("granted").asBoolean()).isTrue();
            assertThat(ledger.path("current").path("cookies.advertising").path("granted").asBoolean()).isTrue();
            assertThat(ledger.path("history").toString()).contains("cookie-banner").contains("banner 2026-11-30");
            assertThat(ledger.path("history").valueStream().filter(e -> !e.path("granted").asBoolean()).count())
                    .isEqualTo(2);
        }
    }

    @Test
    void aBrowserSendingGlobalPrivacyControlHasAdvertisingOffWithoutBeingAsked() throws Exception {
        String demo = RunningPlatform.get().gatewayUrl() + "/consent/demo.html";
        try (Browser browser = Browser.open()) {
            browser.devTools("Network.enable", Map.of());
            browser.devTools("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Sec-GPC", "1")));
            browser.devTools("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });"));
            browser.go(demo).find(By.id("alluris-cb-gpc"));
            browser.click(By.id("alluris-cb-settings"));
            assertThat(browser.find(By.id("alluris-cb-advertising")).isEnabled()).isFalse();
            assertThat(browser.find(By.id("alluris-cb-advertising")).isSelected()).isFalse();

            browser.click(By.id("alluris-cb-accept")).awaitText("analytics on, advertising off");
            assertThat(browser.script("return window.AllurisConsent.get().advertising")).isEqualTo(false);
            String visitor = browser.driver().manage().getCookieNamed("alluris_visitor").getValue();

            String email = "gpc-" + UUID.randomUUID() + "@example.com";
            String token = signInFrom(visitor, email);
            PlatformClient client = new PlatformClient(RunningPlatform.get());
            JsonNode ledger = client.call("GET", "/api/consents?email=" + email, null, token).json();
            assertThat(ledger.path("current").path("cookies.analytics").path("granted").asBoolean()).isTrue();
            assertThat(ledger.path("current").path("cookies.advertising").path("granted").asBoolean()).isFalse();
            assertThat(ledger.path("history").toString()).contains("Global Privacy Control");
        }
    }

    /** The portal's client sign-in, from the browser that holds the visitor cookie (the gateway reads it). */
    private static String signInFrom(String visitorId, String email) throws Exception {
        PlatformClient client = new PlatformClient(RunningPlatform.get());
        client.send(client.gateway(), "POST", "/auth/client/code", "{\"email\":\"" + email + "\"}",
                Optional.empty());
        String code = client.codeMailedTo(email, CODE);
        HttpRequest exchange = HttpRequest.newBuilder(URI.create(client.gateway() + "/auth/client/token"))
                .header("Content-Type", "application/json").header("Cookie", "alluris_visitor=" + visitorId)
                .header("X-Forwarded-For", "198.18.200." + (1 + Math.abs(email.hashCode() % 250)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}"))
                .build();
        HttpResponse<String> answer = HTTP.send(exchange, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("accessToken").asString();
    }
}
