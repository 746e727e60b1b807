package uk.alluris.booking.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Reception's client search: by email or phone through their blind indexes, or by part of a name; staff only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class ClientSearchIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void receptionFindsAClientByEmailPhoneOrPartOfTheirName() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "searched-" + unique + "@example.com";
        ServiceCalls.Answer registered = calls.post("/api/bookings/clients", """
                {"fullName":"Beatrix Q%s Stone","email":"%s","phone":"07911 123456","dateOfBirth":"1985-06-01"}
                """.formatted(unique, email), reception);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String id = registered.json().path("id").asString();

        assertThat(calls.get("/api/bookings/clients?email=" + email.toUpperCase(), reception).json())
                .extracting(found -> found.path("id").asString()).containsExactly(id);
        assertThat(calls.get("/api/bookings/clients?phone=07911%20123456", reception).json())
                .extracting(found -> found.path("id").asString()).contains(id);
        assertThat(calls.get("/api/bookings/clients?name=q" + unique + "%20st", reception).json())
                .extracting(found -> found.path("id").asString()).containsExactly(id);
        assertThat(calls.get("/api/bookings/clients?name=.*", reception).json()).isEmpty();
    }

    @Test
    void aSearchWithNothingToLookForOrFromAClientIsRefused() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        assertThat(calls.get("/api/bookings/clients", reception).status()).isEqualTo(400);
        assertThat(calls.get("/api/bookings/clients?name=a", reception).status()).isEqualTo(400);
        // found by the fuzz suite: a NUL in a name made the store's pattern fail with a 500
        ServiceCalls.Answer nul = calls.get("/api/bookings/clients?name=Jane%00Doe", reception);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.text()).contains("a name has no control characters").doesNotContain("Jane");
        assertThat(calls.get("/api/bookings/clients?email=someone@example.com",
                TestTokens.get().client("index")).status()).isEqualTo(403);
    }

    @Test
    void aSignedInClientFindsOnlyTheirOwnProfileAndStaffHaveNone() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "me-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        assertThat(calls.get("/api/bookings/clients/me", client).status()).isEqualTo(404);
        ServiceCalls.Answer registered = calls.post("/api/bookings/clients", """
                {"fullName":"Mae Self","email":"%s","dateOfBirth":"1990-01-02"}""".formatted(email), client);
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);

        ServiceCalls.Answer mine = calls.get("/api/bookings/clients/me", client);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("id").asString()).isEqualTo(registered.json().path("id").asString());
        assertThat(mine.json().path("email").asString()).isEqualTo(email);
        assertThat(calls.get("/api/bookings/clients/me", TestTokens.get().client(indexer.email("other-" + email)))
                .status()).isEqualTo(404);
        assertThat(calls.get("/api/bookings/clients/me", reception).status()).isEqualTo(403);
    }
}
