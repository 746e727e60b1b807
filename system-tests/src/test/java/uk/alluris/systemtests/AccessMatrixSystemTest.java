package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route × every kind of caller, through the running gateway to the real services, which enforce the roles
 * themselves. The services have no resources at these paths yet, so a caller who is let through meets a 404; one
 * who is not meets 401 (no valid token) or 403 (valid token, wrong role).
 */
class AccessMatrixSystemTest {

    enum Caller { ANONYMOUS, RECEPTION, CLINICIAN, PRIVACY_OFFICER, ADMIN, CLIENT, EXPIRED, FOREIGN_SIGNED }

    private static RunningPlatform platform;
    private static PlatformClient client;
    private static final Map<Caller, Optional<String>> TOKENS = new EnumMap<>(Caller.class);

    @BeforeAll
    static void signEveryoneIn() {
        platform = RunningPlatform.get();
        client = new PlatformClient(platform);
        TOKENS.put(Caller.ANONYMOUS, Optional.empty());
        TOKENS.put(Caller.RECEPTION, Optional.of(client.staffToken("reception@alluris.local")));
        TOKENS.put(Caller.CLINICIAN, Optional.of(client.staffToken("clinician@alluris.local")));
        TOKENS.put(Caller.PRIVACY_OFFICER, Optional.of(client.staffToken("privacy@alluris.local")));
        TOKENS.put(Caller.ADMIN, Optional.of(client.staffToken("admin@alluris.local")));
        TOKENS.put(Caller.CLIENT, Optional.of(client.clientToken("matrix-" + UUID.randomUUID() + "@example.com")));
        TOKENS.put(Caller.EXPIRED, Optional.of(TokenForgery.expired(platform, "ADMIN")));
        TOKENS.put(Caller.FOREIGN_SIGNED, Optional.of(TokenForgery.foreignSigned(platform, "CLINICIAN")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # method | path                                  | ANON | RECEP | CLIN | PRIV | ADMIN | CLIENT | EXPIRED | FOREIGN
              GET    | /api/bookings/appointments/00000000-0000-0000-0000-000000000000| 401  | 404   | 404  | 403  | 403   | 404    | 401     | 401
              GET    | /api/bookings/treatments              | 401  | 200   | 200  | 200  | 200   | 200    | 401     | 401
              GET    | /api/bookings/diary?date=2026-12-01   | 401  | 200   | 200  | 403  | 403   | 403    | 401     | 401
              GET    | /api/records/entries/00000000-0000-0000-0000-000000000000| 401  | 403   | 404  | 404  | 403   | 403    | 401     | 401
              GET    | /api/consents/00000000-0000-0000-0000-000000000000| 401  | 404   | 404  | 404  | 404   | 404    | 401     | 401
              GET    | /api/marketing/subscribers/00000000-0000-0000-0000-000000000000| 401  | 403   | 403  | 404  | 404   | 403    | 401     | 401
              GET    | /api/privacy/requests/00000000-0000-0000-0000-000000000000            | 401  | 403   | 403  | 404  | 403   | 404    | 401     | 401
              GET    | /api/privacy/requests/00000000-0000-0000-0000-000000000000/evidence   | 401  | 403   | 403  | 404  | 403   | 404    | 401     | 401
              GET    | /api/privacy/requests                  | 401  | 403   | 403  | 200  | 403   | 200    | 401     | 401
              GET    | /api/bookings/clients/me               | 401  | 403   | 403  | 403  | 403   | 404    | 401     | 401
              GET    | /api/marketing/me                      | 401  | 403   | 403  | 403  | 403   | 200    | 401     | 401
              POST   | /api/privacy/requests/00000000-0000-0000-0000-000000000000/verification | 400 | 400  | 400  | 400  | 400   | 400    | 401     | 401
              POST   | /webhooks/leads/none                  | 404  | 404   | 404  | 404  | 404   | 404    | 401     | 401
              POST   | /webhooks/payments                    | 401  | 401   | 401  | 401  | 401   | 401    | 401     | 401
            """)
    void eachCallerGetsExactlyItsStatus(String method, String path, int anonymous, int reception, int clinician,
            int privacyOfficer, int admin, int clientOfTheirOwn, int expired, int foreignSigned) {
        Map<Caller, Integer> expected = new EnumMap<>(Map.of(Caller.ANONYMOUS, anonymous, Caller.RECEPTION, reception,
                Caller.CLINICIAN, clinician, Caller.PRIVACY_OFFICER, privacyOfficer, Caller.ADMIN, admin,
                Caller.CLIENT, clientOfTheirOwn, Caller.EXPIRED, expired, Caller.FOREIGN_SIGNED, foreignSigned));
        Map<Caller, Integer> actual = new EnumMap<>(Caller.class);

        TOKENS.forEach((caller, token) -> actual.put(caller, client.viaGateway(method, path, token).statusCode()));

        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "booking-service", "records-service", "consent-service", "marketing-service",
            "rights-request-service" })
    void aCallStraightToAServiceWithoutAValidTokenIsRefusedByTheServiceItself(String service) {
        String path = "/api/anything";

        HttpResponse<String> none = client.send(platform.serviceUrl(service), "GET", path, null, Optional.empty());
        HttpResponse<String> forged = client.send(platform.serviceUrl(service), "GET", path, null,
                TOKENS.get(Caller.FOREIGN_SIGNED));
        HttpResponse<String> expired = client.send(platform.serviceUrl(service), "GET", path, null,
                TOKENS.get(Caller.EXPIRED));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(expired.statusCode()).isEqualTo(401);
    }

    @Test
    void theDashboardsSessionCookieWorksInPlaceOfTheBearerHeader() {
        String token = TOKENS.get(Caller.CLINICIAN).orElseThrow();

        HttpResponse<String> withCookie = client.withCookie(platform.gatewayUrl() + "/api/records/entries/00000000-0000-0000-0000-000000000000", token);

        assertThat(withCookie.statusCode()).isEqualTo(404);
    }
}
