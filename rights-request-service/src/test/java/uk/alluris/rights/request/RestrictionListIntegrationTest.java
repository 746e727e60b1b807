package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The officer's restriction list: completed restrictions that no later completed lift names, newest first, paged;
 * nobody else reads it. (Same context as the dead-letter tests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class RestrictionListIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    PrivacyRequests requests;

    private final String officer = TestTokens.get().staff("PRIVACY_OFFICER");

    @Test
    void aCompletedRestrictionIsListedUntilALaterLiftNamesTheSamePerson() {
        Instant now = Instant.now();
        PrivacyRequest lifted = completed(RequestType.RESTRICTION, "lifted-" + UUID.randomUUID(), now.minus(Duration.ofDays(3)));
        completed(RequestType.LIFT_RESTRICTION, lifted.emailIndex(), now.minus(Duration.ofDays(1)));
        PrivacyRequest standing = completed(RequestType.RESTRICTION, "standing-" + UUID.randomUUID(), now.minus(Duration.ofDays(2)));
        PrivacyRequest again = completed(RequestType.RESTRICTION, "again-" + UUID.randomUUID(), now.minus(Duration.ofHours(1)));
        completed(RequestType.LIFT_RESTRICTION, again.emailIndex(), now.minus(Duration.ofDays(5)));

        Answer answer = ServiceCalls.onPort(port).get("/api/privacy/restrictions?size=100", officer);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<String> listed = answer.json().path("items").findValuesAsString("requestId");
        assertThat(listed).contains(standing.id().toString(), again.id().toString())
                .doesNotContain(lifted.id().toString());
        assertThat(listed.indexOf(again.id().toString())).isLessThan(listed.indexOf(standing.id().toString()));
        assertThat(answer.text()).doesNotContain(standing.emailIndex());
        assertThat(ServiceCalls.onPort(port).get("/api/privacy/restrictions?size=1", officer).json().path("items"))
                .hasSize(1);
    }

    @Test
    void onlyTheOfficerReadsTheListAndABadPageIsAProblem() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        assertThat(calls.get("/api/privacy/restrictions", TestTokens.get().staff("RECEPTION")).status()).isEqualTo(403);
        assertThat(calls.get("/api/privacy/restrictions",
                TestTokens.get().client("q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA")).status()).isEqualTo(403);
        Answer badSize = calls.get("/api/privacy/restrictions?size=1000", officer);
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.isProblem()).isTrue();
        assertThat(badSize.json().path("detail").asString()).contains("size");
    }

    private PrivacyRequest completed(RequestType type, String emailIndex, Instant at) {
        PrivacyRequest request = PrivacyRequest.file(UUID.randomUUID(), type, emailIndex, null, null, at, "test");
        request.status = RequestStatus.COMPLETED;
        request.proven = List.of(Identifier.EMAIL);
        request.completedAt = at;
        request.outbox.clear();
        return requests.save(request);
    }
}
