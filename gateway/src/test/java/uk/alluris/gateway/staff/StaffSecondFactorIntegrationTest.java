package uk.alluris.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.gateway.staff.mfa.Base32;
import uk.alluris.testsupport.ServiceEndpoints;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "alluris.staff.local-staff-password=local-test-password",
        "alluris.front-door.trusted-proxies=127.0.0.1" })
@UsesEmbeddedInfrastructure
class StaffSecondFactorIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SecondFactor secondFactor;
    @Autowired
    ReactiveMongoTemplate mongo;

    private GatewayCalls calls() {
        return new GatewayCalls(port, "198.18.0." + (int) (Math.random() * 250));
    }

    private StaffSignIns staff() {
        return new StaffSignIns(accounts, passwords, secondFactor);
    }

    @Test
    void aRightPasswordAloneGivesAnOfficerNoTokenAndTheChallengeGrantsNoAccess() {
        StaffSignIns staff = staff();
        String officer = staff.account(Role.PRIVACY_OFFICER);
        staff.enrolled(officer);

        HttpResponse<String> password = StaffSignIns.password(calls(), officer, StaffSignIns.PASSWORD);

        JsonNode body = ServiceEndpoints.json(password);
        assertThat(body.path("mfaRequired").asBoolean()).isTrue();
        assertThat(body.has("accessToken")).isFalse();
        HttpResponse<String> withChallenge = calls().send(calls().request("/api/staff/accounts")
                .header("Authorization", "Bearer " + body.path("mfaToken").asString()).GET());
        assertThat(withChallenge.statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeCompletesTheSignInOnceAndCannotBeUsedAgainInItsStep() {
        StaffSignIns staff = staff();
        String officer = staff.account(Role.PRIVACY_OFFICER);
        byte[] secret = staff.enrolled(officer);
        GatewayCalls calls = calls();
        String code = StaffSignIns.codeNow(secret);

        String challenge = StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD));
        HttpResponse<String> first = StaffSignIns.code(calls, challenge, code);
        HttpResponse<String> challengeAgain = StaffSignIns.code(calls, challenge, code);
        String next = StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD));
        HttpResponse<String> replayed = StaffSignIns.code(calls, next, code);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(StaffSignIns.accessToken(first)).isNotBlank();
        assertThat(challengeAgain.statusCode()).isEqualTo(401);
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void aChallengeAllowsFiveCodesEvenWhenTheyArriveTogether() {
        StaffSignIns staff = staff();
        String admin = staff.account(Role.ADMIN);
        byte[] secret = staff.enrolled(admin);
        GatewayCalls calls = calls();
        String challenge = StaffSignIns.mfaToken(StaffSignIns.password(calls, admin, StaffSignIns.PASSWORD));

        List<CompletableFuture<HttpResponse<String>>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String guess = String.format("%06d", i);
            guesses.add(CompletableFuture.supplyAsync(() -> StaffSignIns.code(calls, challenge, guess)));
        }
        guesses.forEach(CompletableFuture::join);

        assertThat(StaffSignIns.code(calls, challenge, StaffSignIns.codeNow(secret)).statusCode()).isEqualTo(401);
        org.bson.Document stored = mongo.findAll(org.bson.Document.class, "staff_mfa_challenges").filter(
                d -> d.getString("username").equals(admin)).blockFirst();
        assertThat(stored.getInteger("triesLeft")).isZero();
    }

    @Test
    void anOfficerWithoutAFactorEnrolsOnceAndTheFirstCodeConfirmsIt() {
        String officer = staff().account(Role.PRIVACY_OFFICER);
        GatewayCalls calls = calls();
        HttpResponse<String> password = StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD);
        assertThat(ServiceEndpoints.json(password).path("enrolmentRequired").asBoolean()).isTrue();
        String challenge = StaffSignIns.mfaToken(password);

        HttpResponse<String> enrolment = calls.post("/auth/mfa/enrolment", "{\"mfaToken\":\"" + challenge + "\"}");

        assertThat(enrolment.statusCode()).isEqualTo(200);
        JsonNode shown = ServiceEndpoints.json(enrolment);
        String uri = shown.path("otpauthUri").asString();
        assertThat(uri).startsWith("otpauth://totp/Alluris%3A").contains("issuer=Alluris").contains("period=30");
        assertThat(shown.path("recoveryCodes").size()).isEqualTo(10);
        StaffAccount stored = accounts.findById(officer).block();
        assertThat(stored.totpConfirmed()).isFalse();
        String secretText = uri.replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        assertThat(stored.totpSecret()).isNotBlank().doesNotContain(secretText);
        assertThat(stored.recoveryCodes()).hasSize(10).doesNotContain(shown.path("recoveryCodes").get(0).asString());

        HttpResponse<String> confirmed = StaffSignIns.code(calls, challenge,
                StaffSignIns.codeNow(Base32.decode(secretText)));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(accounts.findById(officer).block().totpConfirmed()).isTrue();
        String again = StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD));
        assertThat(calls.post("/auth/mfa/enrolment", "{\"mfaToken\":\"" + again + "\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() {
        String officer = staff().account(Role.PRIVACY_OFFICER);
        GatewayCalls calls = calls();
        String challenge = StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD));
        JsonNode shown = ServiceEndpoints.json(calls.post("/auth/mfa/enrolment", "{\"mfaToken\":\"" + challenge + "\"}"));
        String secret = shown.path("otpauthUri").asString().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        StaffSignIns.code(calls, challenge, StaffSignIns.codeNow(Base32.decode(secret)));
        String recovery = shown.path("recoveryCodes").get(3).asString();

        HttpResponse<String> first = StaffSignIns.code(calls,
                StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD)), recovery);
        HttpResponse<String> second = StaffSignIns.code(calls,
                StaffSignIns.mfaToken(StaffSignIns.password(calls, officer, StaffSignIns.PASSWORD)), recovery);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(accounts.findById(officer).block().recoveryCodes()).hasSize(9);
    }

    @Test
    void aReceptionistMayAddASecondFactorAndThenNeedsIt() {
        String receptionist = staff().account(Role.RECEPTION);
        GatewayCalls calls = calls();
        String token = StaffSignIns.accessToken(StaffSignIns.password(calls, receptionist, StaffSignIns.PASSWORD));

        JsonNode shown = ServiceEndpoints.json(calls.send(calls.request("/auth/mfa/enrolment")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))));
        byte[] secret = Base32.decode(shown.path("otpauthUri").asString().replaceAll(".*secret=([A-Z2-7]+).*", "$1"));
        HttpResponse<String> confirmed = calls.send(calls.request("/auth/mfa/enrolment/confirmation")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + StaffSignIns.codeNow(secret) + "\"}")));

        assertThat(confirmed.statusCode()).isEqualTo(204);
        assertThat(ServiceEndpoints.json(StaffSignIns.password(calls, receptionist, StaffSignIns.PASSWORD))
                .path("mfaRequired").asBoolean()).isTrue();
    }
}
