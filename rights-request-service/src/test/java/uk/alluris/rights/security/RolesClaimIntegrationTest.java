package uk.alluris.rights.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Trusting an external issuer whose roles sit elsewhere (Keycloak's realm roles) is configuration only, here too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "alluris.security.roles-claim=realm_access.roles")
@UsesEmbeddedInfrastructure
class RolesClaimIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theOfficersRolesAreReadFromTheConfiguredClaimForEveryOfficerOnlyEndpoint() {
        RightsTestCalls calls = new RightsTestCalls(port);
        String officer = TestTokens.get().staffWithRolesAt("realm_access.roles", "PRIVACY_OFFICER");

        assertThat(calls.get("/api/privacy/requests", officer).statusCode()).isEqualTo(200);
        assertThat(calls.get("/api/privacy/dead-letters", officer).statusCode()).isNotIn(401, 403);
    }

    @Test
    void rolesInTheDefaultClaimCountForNothingOnceAnotherIsConfigured() {
        RightsTestCalls calls = new RightsTestCalls(port);

        assertThat(calls.get("/api/privacy/requests", TestTokens.get().staff("PRIVACY_OFFICER")).statusCode())
                .isEqualTo(403);
    }
}
