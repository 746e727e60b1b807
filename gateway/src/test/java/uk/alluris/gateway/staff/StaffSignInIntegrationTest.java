package uk.alluris.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.gateway.staff.mfa.Base32;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.staff.local-staff-password=local-test-password",
        "alluris.staff.local-staff-totp-secret=" + StaffSignInIntegrationTest.LOCAL_TOTP,
        "alluris.staff.privacy-officer-address=officer@alluris.local",
        "alluris.front-door.trusted-proxies=127.0.0.1" })
@UsesEmbeddedInfrastructure
class StaffSignInIntegrationTest {

    static final String LOCAL_TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecondFactor secondFactor;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    private GatewayCalls calls() {
        return new GatewayCalls(port, "198.51.100." + (int) (Math.random() * 250));
    }

    private StaffSignIns staff() {
        return new StaffSignIns(accounts, passwords, secondFactor);
    }

    @Test
    void receptionAndClinicianSignInWithAPasswordAndGetTheirRoleInASignedTokenEveryServiceCanVerify() {
        for (var account : LocalStaffSeeding.ACCOUNTS.entrySet()) {
            if (StaffAccount.SECOND_FACTOR_REQUIRED.contains(account.getValue())) {
                continue;
            }
            HttpResponse<String> response = StaffSignIns.password(calls(), account.getKey(), "local-test-password");

            assertThat(response.statusCode()).isEqualTo(200);
            Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build()
                    .decode(StaffSignIns.accessToken(response));
            assertThat(jwt.getSubject()).isEqualTo(account.getKey());
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly(account.getValue().name());
            assertThat(jwt.getClaimAsString("iss")).isEqualTo("alluris-gateway");
            assertThat(jwt.getAudience()).containsExactly("alluris-platform");
            assertThat(jwt.getId()).isNotBlank();
            assertThat(jwt.getExpiresAt()).isBefore(jwt.getIssuedAt().plusSeconds(15 * 60 + 1));
            assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                    .startsWith("ALLURIS_SESSION=").contains("HttpOnly").contains("Secure").contains("SameSite=Strict"));
        }
    }

    @Test
    void theSeededOfficerAndAdminAreEnrolledWithTheLocalSecretAndNeedItsCode() {
        for (String seeded : new String[] { "privacy@alluris.local", "admin@alluris.local" }) {
            GatewayCalls calls = calls();
            HttpResponse<String> password = StaffSignIns.password(calls, seeded, "local-test-password");

            assertThat(password.statusCode()).isEqualTo(200);
            assertThat(ServiceEndpoints.json(password).has("accessToken")).isFalse();
            assertThat(ServiceEndpoints.json(password).path("enrolmentRequired").asBoolean()).isFalse();
            assertThat(password.headers().firstValue("Set-Cookie")).isEmpty();
            HttpResponse<String> code = StaffSignIns.code(calls, StaffSignIns.mfaToken(password),
                    StaffSignIns.codeNow(Base32.decode(LOCAL_TOTP)));
            assertThat(code.statusCode()).isEqualTo(200);
            assertThat(StaffSignIns.accessToken(code)).isNotBlank();
        }
    }

    @Test
    void aWrongPasswordAnUnknownAccountALockedAccountAndADisabledOneGetTheSameAnswer() {
        StaffSignIns staff = staff();
        String locked = staff.account(Role.RECEPTION);
        GatewayCalls calls = calls();
        for (int attempt = 0; attempt < 5; attempt++) {
            StaffSignIns.password(calls, locked, "wrong-password");
        }
        String disabled = staff.account(Role.RECEPTION);
        accounts.save(withDisabled(accounts.findById(disabled).block())).block();

        HttpResponse<String> wrong = StaffSignIns.password(calls, staff.account(Role.RECEPTION), "wrong-password");
        HttpResponse<String> unknown = StaffSignIns.password(calls, "nobody@alluris.local", "wrong-password");
        HttpResponse<String> lockedRight = StaffSignIns.password(calls, locked, StaffSignIns.PASSWORD);
        HttpResponse<String> disabledRight = StaffSignIns.password(calls, disabled, StaffSignIns.PASSWORD);

        for (HttpResponse<String> answer : Arrays.asList(unknown, lockedRight, disabledRight)) {
            assertThat(answer.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(wrong.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(wrong.headers().firstValue("Content-Type"));
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountOnlyFromThatAddressAndTellThePrivacyOfficer() throws Exception {
        String username = staff().account(Role.CLINICIAN);
        GatewayCalls attacker = new GatewayCalls(port, "192.0.2.66");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(StaffSignIns.password(attacker, username, "wrong").statusCode()).isEqualTo(401);
        }

        assertThat(StaffSignIns.password(attacker, username, StaffSignIns.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(StaffSignIns.password(new GatewayCalls(port, "198.51.100.77"), username, StaffSignIns.PASSWORD)
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .anyMatch(m -> GreenMailUtil.getBody(m).contains(username)));
        var alert = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> GreenMailUtil.getBody(m).contains(username))
                .findFirst().orElseThrow();
        assertThat(GreenMailUtil.getAddressList(alert.getAllRecipients())).isEqualTo("officer@alluris.local");
        assertThat(GreenMailUtil.getBody(alert)).doesNotContain("192.0.2.66");
    }

    @Test
    void guessesFromManyAddressesDoNotKeepTheOwnerOutOfHerOwn() {
        String username = staff().account(Role.RECEPTION);
        for (int i = 0; i < 30; i++) {
            StaffSignIns.password(new GatewayCalls(port, "192.0.3." + i), username, "guess-" + i);
        }

        assertThat(StaffSignIns.password(new GatewayCalls(port, "198.51.100.200"), username, StaffSignIns.PASSWORD)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void fewerThanFiveWrongPasswordsDoNotLock() {
        String username = staff().account(Role.RECEPTION);
        GatewayCalls calls = calls();
        for (int attempt = 0; attempt < 4; attempt++) {
            StaffSignIns.password(calls, username, "wrong");
        }

        assertThat(StaffSignIns.password(calls, username, StaffSignIns.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingPasswordIsA400Problem() {
        HttpResponse<String> response = calls().post("/auth/login", "{\"username\":\"reception@alluris.local\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = ServiceEndpoints.json(response);
        assertThat(problem.path("errors").findValuesAsString("field")).contains("password");
    }

    @Test
    void logoutClearsTheSessionCookie() {
        HttpResponse<String> response = calls().post("/auth/logout", "");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("ALLURIS_SESSION=;").contains("Max-Age=0"));
    }

    private static StaffAccount withDisabled(StaffAccount a) {
        return new StaffAccount(a.username(), a.passwordHash(), a.roles(), true, a.totpSecret(), a.totpConfirmed(),
                a.recoveryCodes(), a.lastTotpStep(), a.version());
    }
}
