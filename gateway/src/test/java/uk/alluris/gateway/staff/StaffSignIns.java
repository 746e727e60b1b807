package uk.alluris.gateway.staff;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import uk.alluris.gateway.GatewayCalls;
import uk.alluris.gateway.staff.mfa.Totp;
import uk.alluris.testsupport.ServiceEndpoints;

/** Staff accounts made for one test, and the calls that sign them in. */
record StaffSignIns(StaffAccounts accounts, PasswordEncoder passwords, SecondFactor secondFactor) {

    static final String PASSWORD = "right-password-1";

    /** A new account with these roles, the password {@link #PASSWORD}, and no second factor. */
    String account(Role... roles) {
        String username = "staff-" + UUID.randomUUID() + "@alluris.local";
        accounts.save(StaffAccount.create(username, passwords.encode(PASSWORD), Set.of(roles))).block();
        return username;
    }

    /** A new account enrolled with a TOTP secret of its own, returned. */
    byte[] enrolled(String username) {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        secondFactor.enrolLocally(username, secret).block();
        return secret;
    }

    /** Signs an enrolled account in with its password and a code; its access token. */
    static String signedIn(GatewayCalls calls, String username, byte[] secret) {
        return accessToken(code(calls, mfaToken(password(calls, username, PASSWORD)), codeNow(secret)));
    }

    static HttpResponse<String> password(GatewayCalls calls, String username, String password) {
        return calls.post("/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    static HttpResponse<String> code(GatewayCalls calls, String mfaToken, String code) {
        return calls.post("/auth/login/mfa", "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"" + code + "\"}");
    }

    static String mfaToken(HttpResponse<String> answer) {
        JsonNode body = ServiceEndpoints.json(answer);
        if (!body.path("mfaRequired").asBoolean()) {
            throw new IllegalStateException("no second factor asked for: " + answer.body());
        }
        return body.path("mfaToken").asString();
    }

    static String accessToken(HttpResponse<String> answer) {
        return ServiceEndpoints.json(answer).path("accessToken").asString();
    }

    static String codeNow(byte[] secret) {
        return Totp.codeAt(secret, Instant.now());
    }
}
