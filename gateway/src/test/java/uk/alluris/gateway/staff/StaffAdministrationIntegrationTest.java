package uk.alluris.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.staff.local-staff-password=local-test-password",
        "alluris.front-door.trusted-proxies=127.0.0.1" })
@UsesEmbeddedInfrastructure
class StaffAdministrationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecondFactor secondFactor;

    private GatewayCalls calls() {
        return new GatewayCalls(port, "198.18.1." + (int) (Math.random() * 250));
    }

    private String adminToken(GatewayCalls calls) {
        StaffSignIns staff = new StaffSignIns(accounts, passwords, secondFactor);
        String admin = staff.account(Role.ADMIN);
        return StaffSignIns.signedIn(calls, admin, staff.enrolled(admin));
    }

    private static HttpResponse<String> as(GatewayCalls calls, String token, String method, String path, String json) {
        HttpRequest.Builder request = calls.request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return calls.send(request);
    }

    /** An account name goes into the path as it is: '@' is a plain path character, and the gateway refuses escapes. */
    private static String path(String username, String action) {
        return "/api/staff/accounts/" + username + "/" + action;
    }

    @Test
    void anAdministratorCreatesAReceptionistWhoSignsInThenDisablesHerAndSheCannot() {
        GatewayCalls calls = calls();
        String admin = adminToken(calls);
        String username = "new-" + UUID.randomUUID() + "@alluris.local";

        HttpResponse<String> created = as(calls, admin, "POST", "/api/staff/accounts",
                "{\"username\":\"" + username + "\",\"roles\":[\"RECEPTION\"],\"password\":\"first-password-1\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode view = ServiceEndpoints.json(created);
        assertThat(view.path("roles").get(0).asString()).isEqualTo("RECEPTION");
        assertThat(created.body()).doesNotContain("first-password-1").doesNotContain("$2a$");
        assertThat(StaffSignIns.password(calls, username, "first-password-1").statusCode()).isEqualTo(200);

        assertThat(as(calls, admin, "POST", path(username, "disabled"), null).statusCode()).isEqualTo(200);
        assertThat(StaffSignIns.password(calls, username, "first-password-1").statusCode()).isEqualTo(401);

        assertThat(as(calls, admin, "POST", path(username, "enabled"), null).statusCode()).isEqualTo(200);
        assertThat(as(calls, admin, "POST", path(username, "password"), "{\"password\":\"second-password-2\"}")
                .statusCode()).isEqualTo(200);
        assertThat(StaffSignIns.password(calls, username, "first-password-1").statusCode()).isEqualTo(401);
        assertThat(StaffSignIns.password(calls, username, "second-password-2").statusCode()).isEqualTo(200);
        JsonNode listed = ServiceEndpoints.json(as(calls, admin, "GET", "/api/staff/accounts", null));
        assertThat(listed.findValuesAsString("username")).contains(username);
        assertThat(listed.toString()).doesNotContain("passwordHash").doesNotContain("totpSecret");
    }

    @Test
    void aResetSecondFactorMustBeEnrolledAgainAtTheNextSignIn() {
        StaffSignIns staff = new StaffSignIns(accounts, passwords, secondFactor);
        String officer = staff.account(Role.PRIVACY_OFFICER);
        staff.enrolled(officer);
        GatewayCalls calls = calls();

        assertThat(as(calls, adminToken(calls), "POST", path(officer, "second-factor-reset"), null).statusCode())
                .isEqualTo(200);

        JsonNode next = ServiceEndpoints.json(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD));
        assertThat(next.path("mfaRequired").asBoolean()).isTrue();
        assertThat(next.path("enrolmentRequired").asBoolean()).isTrue();
    }

    @Test
    void onlyAnAdministratorManagesStaff() {
        GatewayCalls calls = calls();
        String receptionist = new StaffSignIns(accounts, passwords, secondFactor).account(Role.RECEPTION);
        String token = StaffSignIns.accessToken(StaffSignIns.password(calls, receptionist, StaffSignIns.PASSWORD));
        String body = "{\"username\":\"x-" + UUID.randomUUID() + "@alluris.local\",\"roles\":[\"ADMIN\"],"
                + "\"password\":\"some-password-1\"}";

        HttpResponse<String> asReception = as(calls, token, "POST", "/api/staff/accounts", body);
        HttpResponse<String> anonymous = as(calls, null, "POST", "/api/staff/accounts", body);

        assertThat(asReception.statusCode()).isEqualTo(403);
        assertThat(asReception.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(as(calls, token, "GET", "/api/staff/accounts", null).statusCode()).isEqualTo(403);
        assertThat(as(calls, token, "POST", path(receptionist, "disabled"), null).statusCode()).isEqualTo(403);
        // who may call is decided before what was sent is looked at: a stranger learns nothing about the rules
        assertThat(as(calls, null, "POST", "/api/staff/accounts", "{}").statusCode()).isEqualTo(401);
        assertThat(as(calls, token, "POST", "/api/staff/accounts", "{}").statusCode()).isEqualTo(403);
        assertThat(as(calls, token, "POST", path(receptionist, "password"), "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndNothingIsStored() {
        GatewayCalls calls = calls();
        String admin = adminToken(calls);
        String username = "bad-" + UUID.randomUUID() + "@alluris.local";

        HttpResponse<String> badRole = as(calls, admin, "POST", "/api/staff/accounts",
                "{\"username\":\"" + username + "\",\"roles\":[\"OWNER\"],\"password\":\"long-enough-password\"}");
        HttpResponse<String> shortPassword = as(calls, admin, "POST", "/api/staff/accounts",
                "{\"username\":\"" + username + "\",\"roles\":[\"RECEPTION\"],\"password\":\"short\"}");
        HttpResponse<String> notAnEmail = as(calls, admin, "POST", "/api/staff/accounts",
                "{\"username\":\"not-an-email\",\"roles\":[\"RECEPTION\"],\"password\":\"long-enough-password\"}");

        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(ServiceEndpoints.json(badRole).path("detail").asString()).contains("roles").contains("RECEPTION");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(ServiceEndpoints.json(shortPassword).path("detail").asString()).contains("password").contains("12");
        assertThat(notAnEmail.statusCode()).isEqualTo(400);
        assertThat(ServiceEndpoints.json(notAnEmail).path("detail").asString()).contains("username");
        assertThat(accounts.existsById(username).block()).isFalse();
        assertThat(as(calls, admin, "POST", path("nobody-" + UUID.randomUUID() + "@alluris.local", "disabled"), null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondAccountWithTheSameNameIsAConflict() {
        GatewayCalls calls = calls();
        String admin = adminToken(calls);
        String body = "{\"username\":\"twice-" + UUID.randomUUID() + "@alluris.local\",\"roles\":[\"CLINICIAN\"],"
                + "\"password\":\"long-enough-password\"}";

        assertThat(as(calls, admin, "POST", "/api/staff/accounts", body).statusCode()).isEqualTo(201);
        assertThat(as(calls, admin, "POST", "/api/staff/accounts", body).statusCode()).isEqualTo(409);
    }
}
