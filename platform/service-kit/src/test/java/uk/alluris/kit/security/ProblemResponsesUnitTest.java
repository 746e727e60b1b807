package uk.alluris.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponsesUnitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMissingTokenIsA401ProblemWithoutNullMembersAndKeepsItsChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.unauthenticated().commence(new MockHttpServletRequest("GET", "/api/x"), response,
                new InsufficientAuthenticationException("no token"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertNoNullMembers(response.getContentAsString());
    }

    @Test
    void aForbiddenCallIsA403ProblemWithoutNullMembers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.forbidden().handle(new MockHttpServletRequest("GET", "/api/x"), response,
                new AccessDeniedException("no"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertNoNullMembers(response.getContentAsString());
    }

    private static void assertNoNullMembers(String body) {
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("title").isString()).isTrue();
        assertThat(problem.path("status").isNumber()).isTrue();
        problem.properties().forEach(member -> assertThat(member.getValue().isNull()).as(member.getKey()).isFalse());
        assertThat(body).doesNotContain("null");
    }
}
