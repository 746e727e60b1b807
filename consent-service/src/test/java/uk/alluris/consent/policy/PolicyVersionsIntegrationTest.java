package uk.alluris.consent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.Topics;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * Policy versions: the first published policy is the history's first entry and in force; the privacy office publishes
 * a new one for a later day, announced on consent.events without personal data; anyone reads the history and texts;
 * every consent decision names the version in force, not what the caller said. (Same context as the ledger tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class PolicyVersionsIntegrationTest {

    private static final String OFFICER = TestTokens.get().staff("PRIVACY_OFFICER");

    @LocalServerPort
    int port;

    @Test
    void theFirstPolicyIsInForceAndReadableByAnyoneWithoutSigningIn() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        Answer current = calls.get("/api/consents/policy-versions/current", null);
        assertThat(current.status()).as(current.text()).isEqualTo(200);
        assertThat(current.json().path("version").asString()).isEqualTo("2026-01");
        assertThat(current.json().path("inForce").asBoolean()).isTrue();
        assertThat(current.json().path("text").asString()).startsWith("Privacy Policy Dr Alluris Aesthetics Ltd");
        Answer history = calls.get("/api/consents/policy-versions", null);
        assertThat(history.json().valueStream().map(v -> v.path("version").asString())).contains("2026-01");
        assertThat(history.text()).doesNotContain("Albemarle Street");
        assertThat(calls.get("/api/consents/policy-versions/no-such", null).status()).isEqualTo(404);
    }

    @Test
    void aVersionPublishedForALaterDayIsAnnouncedListedAndNotInForceUntilThenSoDecisionsNameTheOneInForce() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate effective = nextFreeDay(calls);
        Answer published = calls.post("/api/consents/policy-versions", publication(version, effective, true), OFFICER);
        assertThat(published.status()).as(published.text()).isEqualTo(201);
        assertThat(published.json().path("inForce").asBoolean()).isFalse();

        JsonNode listed = calls.get("/api/consents/policy-versions", null).json().get(0);
        assertThat(listed.path("version").asString()).isEqualTo(version);
        assertThat(listed.path("material").asBoolean()).isTrue();
        assertThat(listed.path("summary").asString()).contains("complaints");
        assertThat(calls.get("/api/consents/policy-versions/" + version, null).json().path("text").asString())
                .contains("section 13");
        try (PrivacyRequestProbe probe = new PrivacyRequestProbe()) {
            var announced = probe.records(Topics.CONSENT_EVENTS, Duration.ofSeconds(30), 1,
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains(version));
            assertThat(PrivacyRequestProbe.header(announced.get(0), "ce_type")).contains(
                    "uk.alluris.consent.PolicyVersionPublished.v1");
        }

        Answer decision = calls.post("/api/consents", """
                {"email":"policy-%s@example.com","purpose":"marketing.email","granted":true,"policyVersion":"%s",
                 "channel":"WEB","evidence":{"formId":"portal-consents"}}""".formatted(UUID.randomUUID(), version),
                TestTokens.get().staff("RECEPTION"));
        assertThat(decision.status()).as(decision.text()).isEqualTo(201);
        assertThat(decision.json().path("policyVersion").asString()).isEqualTo("2026-01");
        Answer unnamed = calls.post("/api/consents", """
                {"email":"policy-%s@example.com","purpose":"marketing.sms","granted":true,"channel":"IN_CLINIC"}"""
                .formatted(UUID.randomUUID()), TestTokens.get().staff("RECEPTION"));
        assertThat(unnamed.status()).as(unnamed.text()).isEqualTo(201);
        assertThat(unnamed.json().path("policyVersion").asString()).isEqualTo("2026-01");
    }

    @Test
    void onlyThePrivacyOfficeMayPublishAndNeverForAPastDayABusyDayOrATakenName() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String version = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(calls.post("/api/consents/policy-versions", publication(version, nextFreeDay(calls), false),
                TestTokens.get().staff("RECEPTION")).status()).isEqualTo(403);
        assertThat(calls.post("/api/consents/policy-versions", publication(version, nextFreeDay(calls), false), null)
                .status()).isEqualTo(401);

        Answer past = calls.post("/api/consents/policy-versions", publication(version, today.minusDays(1), false), OFFICER);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().path("detail").asString()).contains("effectiveFrom");
        Answer badName = calls.post("/api/consents/policy-versions", publication("v 1/2", nextFreeDay(calls), false),
                OFFICER);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
        assertThat(calls.post("/api/consents/policy-versions", publication("2026-01", nextFreeDay(calls), false), OFFICER)
                .status()).isEqualTo(409);

        LocalDate effective = nextFreeDay(calls);
        assertThat(calls.post("/api/consents/policy-versions", publication(version, effective, false), OFFICER).status())
                .isEqualTo(201);
        Answer sameDay = calls.post("/api/consents/policy-versions", publication(version + "b", effective, false),
                OFFICER);
        assertThat(sameDay.status()).isEqualTo(409);
        assertThat(sameDay.json().path("detail").asString()).contains(effective.toString());
        assertThat(calls.get("/api/consents/policy-versions/" + version + "b", null).status()).isEqualTo(404);
    }

    private static String publication(String version, LocalDate effective, boolean material) {
        return """
                {"version":"%s","effectiveFrom":"%s","material":%s,
                 "summary":"We now keep complaints for six years and say how to reach the ICO.",
                 "text":"Privacy Policy Dr Alluris Aesthetics Ltd ... section 13: complaints ..."}"""
                .formatted(version, effective, material);
    }

    /** A day after every version published so far (tests of this JVM publish in turn). */
    private static LocalDate nextFreeDay(ServiceCalls calls) {
        LocalDate latest = LocalDate.parse(calls.get("/api/consents/policy-versions", null).json().get(0)
                .path("effectiveFrom").asString());
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        return latest.isBefore(tomorrow) ? tomorrow : latest.plusDays(1);
    }
}
