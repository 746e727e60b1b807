package uk.alluris.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.staff.local-staff-password=local-test-password",
        "alluris.front-door.trusted-proxies=127.0.0.1" })
@UsesEmbeddedInfrastructure
class StaffSignInIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;

    private GatewayCalls calls() {
        return new GatewayCalls(port, "198.51.100." + (int) (Math.random() * 250));
    }

    @Test
    void eachSeededAccountSignsInWithItsRoleInASignedTokenEveryServiceCanVerify() {
        for (var account : LocalStaffSeeding.ACCOUNTS.entrySet()) {
            HttpResponse<String> response = calls().post("/auth/login",
                    "{\"username\":\"" + account.getKey() + "\",\"password\":\"local-test-password\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = ServiceEndpoints.json(response);
            Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build()
                    .decode(body.path("accessToken").asString());
            assertThat(jwt.getSubject()).isEqualTo(account.getKey());
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly(account.getValue().name());
            assertThat(jwt.getClaimAsString("iss")).isEqualTo("alluris-gateway");
            assertThat(jwt.getAudience()).containsExactly("alluris-platform");
            assertThat(jwt.getExpiresAt()).isBefore(jwt.getIssuedAt().plusSeconds(15 * 60 + 1));
            assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith("ALLURIS_SESSION=").contains("HttpOnly").contains("Secure").contains("SameSite=Strict"));
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        HttpResponse<String> wrong = calls().post("/auth/login",
                "{\"username\":\"reception@alluris.local\",\"password\":\"not-it\"}");
        HttpResponse<String> unknown = calls().post("/auth/login",
                "{\"username\":\"nobody@alluris.local\",\"password\":\"not-it\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(ServiceEndpoints.json(wrong).path("detail")).isEqualTo(ServiceEndpoints.json(unknown).path("detail"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String username = "locktest-" + UUID.randomUUID() + "@alluris.local";
        accounts.save(StaffAccount.create(username, passwords.encode("right-password"), Set.of(Role.CLINICIAN))).block();
        GatewayCalls calls = calls();

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(calls.post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"wrong\"}")
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = calls.post("/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"right-password\"}");

        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(accounts.findById(username).block().lockedUntil()).isNotNull();
    }

    @Test
    void fewerThanFiveWrongPasswordsDoNotLock() {
        String username = "nolock-" + UUID.randomUUID() + "@alluris.local";
        accounts.save(StaffAccount.create(username, passwords.encode("right-password"), Set.of(Role.ADMIN))).block();
        GatewayCalls calls = calls();

        for (int attempt = 0; attempt < 4; attempt++) {
            calls.post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"wrong\"}");
        }

        assertThat(calls.post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"right-password\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingPasswordIsA400Problem() {
        HttpResponse<String> response = calls().post("/auth/login", "{\"username\":\"reception@alluris.local\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ServiceEndpoints.json(response).path("errors").findValuesAsString("field")).contains("password");
    }

    @Test
    void logoutClearsTheSessionCookie() {
        HttpResponse<String> response = calls().post("/auth/logout", "");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("ALLURIS_SESSION=;").contains("Max-Age=0"));
    }
}
