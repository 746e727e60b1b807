package uk.alluris.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service enforces its own access rules on a path of its API, whoever calls it and by whatever route: no or a bad
 * token is 401, a role not allowed is 403, both as problem details; an allowed role gets through (to a 404 where the
 * path names nothing). A service's test names the path and the roles allowed on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
public abstract class ServiceAccessChecks {

    public static final List<String> ALL_ROLES = List.of("RECEPTION", "CLINICIAN", "PRIVACY_OFFICER", "ADMIN", "CLIENT");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** A path under the service's API that names nothing, so a caller let through meets 404. */
    protected abstract String protectedPath();

    protected abstract Set<String> allowedRoles();

    @Test
    void withoutATokenIsA401Problem() {
        HttpResponse<String> response = call(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void aTokenThatIsNotTheGatewaysOrNotCurrentIsA401(String token) {
        assertThat(call(token).statusCode()).isEqualTo(401);
    }

    static Stream<String> refusedTokens() {
        TestTokens tokens = TestTokens.get();
        return Stream.of(tokens.expired("ADMIN"), tokens.signedByAStranger("ADMIN"), tokens.fromAnotherIssuer("ADMIN"),
                tokens.forAnotherAudience("ADMIN"), tokens.withoutExpiry("ADMIN"), "not-a-jwt");
    }

    @Test
    void eachRoleGetsExactlyWhatTheServiceAllows() {
        for (String role : ALL_ROLES) {
            String token = role.equals("CLIENT") ? TestTokens.get().client("q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA")
                    : TestTokens.get().staff(role);
            HttpResponse<String> response = call(token);

            assertThat(response.statusCode()).as(role).isEqualTo(allowedRoles().contains(role) ? 404 : 403);
            assertThat(response.headers().firstValue("Content-Type")).as(role).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    private HttpResponse<String> call(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + protectedPath()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
