package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.alluris.benchmarks.StaffCodes;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.ServiceEndpoints;

/**
 * Issue 12's staff and token threats, each tried as an attacker would against the packaged platform: sign-in answers
 * that tell locked from unknown, locking a colleague out from elsewhere, signing in as an officer with a password
 * alone, reusing a recovery code, a token that never expires, a token used after its holder signed out, and staff
 * administration by the wrong people.
 */
class StaffAndTokenAttackSystemTest {

    private static final String PASSWORD = "attack-test-password-1";
    /** A path per service, with a role that service lets through (to a 404, or the officer's queue). */
    private static final Map<String, String> PROTECTED = new LinkedHashMap<>();

    static {
        PROTECTED.put("booking-service", "/api/bookings/appointments/00000000-0000-0000-0000-000000000000");
        PROTECTED.put("records-service", "/api/records/entries/00000000-0000-0000-0000-000000000000");
        PROTECTED.put("consent-service", "/api/consents/00000000-0000-0000-0000-000000000000");
        PROTECTED.put("marketing-service", "/api/marketing/subscribers/00000000-0000-0000-0000-000000000000");
        PROTECTED.put("rights-request-service", "/api/privacy/requests");
    }

    private static final Map<String, String> ALLOWED_ROLE = Map.of("booking-service", "RECEPTION",
            "records-service", "CLINICIAN", "consent-service", "RECEPTION", "marketing-service", "ADMIN",
            "rights-request-service", "PRIVACY_OFFICER");

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void lockedUnknownDisabledAndWrongPasswordAnswersAreIdentical() {
        String locked = newStaff(List.of("RECEPTION"));
        String disabled = newStaff(List.of("RECEPTION"));
        asAdmin("POST", account(disabled, "disabled"), null);
        PlatformClient attacker = new PlatformClient(platform);
        for (int i = 0; i < 5; i++) {
            signIn(attacker, locked, "guess-" + i);
        }

        HttpResponse<String> wrong = signIn(attacker, newStaff(List.of("CLINICIAN")), "guess");
        HttpResponse<String> unknown = signIn(attacker, "nobody-" + UUID.randomUUID() + "@alluris.local", "guess");
        HttpResponse<String> lockedRightPassword = signIn(attacker, locked, PASSWORD);
        HttpResponse<String> disabledRightPassword = signIn(attacker, disabled, PASSWORD);

        assertThat(wrong.statusCode()).isEqualTo(401);
        for (HttpResponse<String> answer : List.of(unknown, lockedRightPassword, disabledRightPassword)) {
            assertThat(answer.statusCode()).isEqualTo(wrong.statusCode());
            assertThat(answer.body()).isEqualTo(wrong.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(wrong.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void anAttackerElsewhereCannotLockTheReceptionistOutOfHerOwnAddress() {
        String receptionist = newStaff(List.of("RECEPTION"));
        PlatformClient attacker = new PlatformClient(platform);
        for (int i = 0; i < 12; i++) {
            assertThat(signIn(attacker, receptionist, "guess-" + i).statusCode()).isIn(401, 429);
        }

        HttpResponse<String> herOwn = signIn(new PlatformClient(platform), receptionist, PASSWORD);

        assertThat(herOwn.statusCode()).isEqualTo(200);
        assertThat(ServiceEndpoints.json(herOwn).path("accessToken").asString()).isNotBlank();
        assertThat(signIn(attacker, receptionist, PASSWORD).statusCode()).isIn(401, 429);
    }

    @Test
    void thePrivacyOfficersPasswordAloneGetsNoToken() {
        PlatformClient thief = new PlatformClient(platform);

        HttpResponse<String> password = signIn(thief, "privacy@alluris.local", RunningPlatform.STAFF_PASSWORD);

        JsonNode body = ServiceEndpoints.json(password);
        assertThat(body.has("accessToken")).isFalse();
        assertThat(password.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(body.path("mfaRequired").asBoolean()).isTrue();
        String challenge = body.path("mfaToken").asString();
        assertThat(thief.call("GET", "/api/privacy/requests", null, challenge).status()).isEqualTo(401);
        assertThat(thief.send(platform.serviceUrl("rights-request-service"), "GET", "/api/privacy/requests", null,
                Optional.of(challenge)).statusCode()).isEqualTo(401);
        assertThat(secondFactor(thief, challenge, "000000").statusCode()).isEqualTo(401);
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        String officer = newStaff(List.of("PRIVACY_OFFICER"));
        PlatformClient client = new PlatformClient(platform);
        String challenge = ServiceEndpoints.json(signIn(client, officer, PASSWORD)).path("mfaToken").asString();
        JsonNode enrolment = client.call("POST", "/auth/mfa/enrolment", "{\"mfaToken\":\"" + challenge + "\"}", null)
                .json();
        String secret = enrolment.path("otpauthUri").asString().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(secondFactor(client, challenge, StaffCodes.next(officer, secret)).statusCode()).isEqualTo(200);
        String recoveryCode = enrolment.path("recoveryCodes").get(0).asString();

        HttpResponse<String> first = secondFactor(client, freshChallenge(client, officer), recoveryCode);
        HttpResponse<String> again = secondFactor(client, freshChallenge(client, officer), recoveryCode);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(client.call("GET", "/api/privacy/requests", null,
                ServiceEndpoints.json(first).path("accessToken").asString()).status()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).doesNotContain("accessToken");
    }

    @Test
    void aTokenWithoutExpiryIsRefusedByEveryServiceCalledDirectly() {
        PlatformClient insider = new PlatformClient(platform);
        PROTECTED.forEach((service, path) -> {
            String role = ALLOWED_ROLE.get(service);
            HttpResponse<String> eternal = insider.send(platform.serviceUrl(service), "GET", path, null,
                    Optional.of(TokenForgery.withoutExpiry(platform, role)));
            HttpResponse<String> control = insider.send(platform.serviceUrl(service), "GET", path, null,
                    Optional.of(TokenForgery.valid(platform, role)));

            assertThat(eternal.statusCode()).as(service).isEqualTo(401);
            assertThat(control.statusCode()).as(service + " with the same token and an expiry").isNotIn(401, 403);
        });
    }

    @Test
    void afterSignOutTheSameTokenIsRefusedByEveryService() {
        String clinician = newStaff(List.of("RECEPTION", "CLINICIAN"));
        PlatformClient client = new PlatformClient(platform);
        String token = ServiceEndpoints.json(signIn(client, clinician, PASSWORD)).path("accessToken").asString();
        PROTECTED.forEach((service, path) -> assertThat(direct(client, service, path, token)).as(service)
                .isNotEqualTo(401));

        assertThat(client.send(platform.gatewayUrl(), "POST", "/auth/logout", null, Optional.of(token)).statusCode())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                PROTECTED.forEach((service, path) -> assertThat(direct(client, service, path, token)).as(service)
                        .isEqualTo(401)));
        assertThat(client.call("GET", PROTECTED.get("booking-service"), null, token).status()).isEqualTo(401);
    }

    @Test
    void anAdministratorCreatesAReceptionistWhoSignsInThenDisablesHerAndSheCannot() {
        String receptionist = newStaff(List.of("RECEPTION"));
        PlatformClient her = new PlatformClient(platform);
        HttpResponse<String> before = signIn(her, receptionist, PASSWORD);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(her.call("GET", PROTECTED.get("booking-service"), null,
                ServiceEndpoints.json(before).path("accessToken").asString()).status()).isEqualTo(404);

        assertThat(asAdmin("POST", account(receptionist, "disabled"), null).status()).isEqualTo(200);

        HttpResponse<String> after = signIn(her, receptionist, PASSWORD);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).doesNotContain("accessToken");
    }

    @Test
    void aNonAdministratorCannotCreateStaff() {
        PlatformClient reception = new PlatformClient(platform);
        String token = reception.staffToken("reception@alluris.local");
        String username = "mallory-" + UUID.randomUUID() + "@alluris.local";

        Answer created = reception.call("POST", "/api/staff/accounts", "{\"username\":\"" + username
                + "\",\"roles\":[\"ADMIN\"],\"password\":\"" + PASSWORD + "\"}", token);
        Answer anonymous = reception.call("POST", "/api/staff/accounts", "{\"username\":\"" + username
                + "\",\"roles\":[\"ADMIN\"],\"password\":\"" + PASSWORD + "\"}", null);

        assertThat(created.status()).isEqualTo(403);
        assertThat(created.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(signIn(reception, username, PASSWORD).statusCode()).isEqualTo(401);
    }

    private String newStaff(List<String> roles) {
        String username = "staff-" + UUID.randomUUID() + "@alluris.local";
        String json = "{\"username\":\"" + username + "\",\"roles\":[\"" + String.join("\",\"", roles)
                + "\"],\"password\":\"" + PASSWORD + "\"}";
        Answer created = asAdmin("POST", "/api/staff/accounts", json);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return username;
    }

    private Answer asAdmin(String method, String path, String json) {
        PlatformClient admin = new PlatformClient(platform);
        return admin.call(method, path, json, admin.staffToken("admin@alluris.local"));
    }

    private static String account(String username, String action) {
        return "/api/staff/accounts/" + username + "/" + action;
    }

    private static HttpResponse<String> signIn(PlatformClient client, String username, String password) {
        return client.send(client.gateway(), "POST", "/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", Optional.empty());
    }

    private static String freshChallenge(PlatformClient client, String username) {
        return ServiceEndpoints.json(signIn(client, username, PASSWORD)).path("mfaToken").asString();
    }

    private static HttpResponse<String> secondFactor(PlatformClient client, String challenge, String code) {
        return client.send(client.gateway(), "POST", "/auth/login/mfa",
                "{\"mfaToken\":\"" + challenge + "\",\"code\":\"" + code + "\"}", Optional.empty());
    }

    private int direct(PlatformClient client, String service, String path, String token) {
        return client.send(platform.serviceUrl(service), "GET", path, null, Optional.of(token)).statusCode();
    }
}
