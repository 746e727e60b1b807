package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.TestTokens;

/**
 * A request names a person to the services only by what was proven: the email address by the mailed code or the
 * client's sign-in, a phone number only once the privacy officer records it as checked. What was merely stated stays
 * sealed and is shown to the officer, marked unproven.
 */
class ProvenIdentifiersIntegrationTest extends MailedRightsContext {

    @RegisterExtension
    static final PrivacyRequestProbe PROBE = new PrivacyRequestProbe();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PHONE = "07911 123456";

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;

    @Test
    void aPhoneNumberTheRequesterOnlyStatedIsNeverSentAndTheOfficerSeesItMarkedUnproven() {
        String email = "stated-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ACCESS", email, PHONE);

        assertThat(calls().post("/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + RightsTestCalls.codeMailedTo(MAIL, email) + "\"}", null).statusCode()).isEqualTo(200);

        String event = fannedOut(id);
        assertThat(event).contains(indexer.email(email)).doesNotContain(indexer.phone(PHONE)).doesNotContain("7911");
        JsonNode seen = calls().officerGet("/api/privacy/requests/" + id).path("identifiers");
        assertThat(seen.toString()).contains("{\"kind\":\"EMAIL\",\"value\":\"" + email + "\",\"proven\":true}")
                .contains("{\"kind\":\"PHONE\",\"value\":\"+447911123456\",\"proven\":false}")
                .contains("{\"kind\":\"NAME\",\"value\":\"Jane Doe\",\"proven\":false}");
        // the requester's own view does not echo what they stated
        HttpResponse<String> own = calls().get("/api/privacy/requests/" + id, TestTokens.get().client(indexer.email(email)));
        assertThat(JSON.readTree(own.body()).has("identifiers")).isFalse();
    }

    @Test
    void aPhoneNumberTheOfficerCheckedIsSentAndTheEvidenceSaysWhatWasChecked() {
        String email = "checked-" + UUID.randomUUID() + "@example.com";
        UUID id = file("ERASURE", email, PHONE);

        HttpResponse<String> verified = calls().post("/api/privacy/requests/" + id + "/identity-verified",
                "{\"note\":\"passport and phone bill seen\",\"checked\":[\"EMAIL\",\"PHONE\"]}", officer());

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(fannedOut(id)).contains(indexer.email(email)).contains(indexer.phone(PHONE));
        assertThat(JSON.readTree(verified.body()).path("identifiers").toString())
                .contains("{\"kind\":\"PHONE\",\"value\":\"+447911123456\",\"proven\":true}");
        assertThat(calls().officerGet("/api/privacy/requests/" + id + "/evidence").toString())
                .contains("checked [EMAIL, PHONE]").contains("proven: [EMAIL, PHONE]");
    }

    @Test
    void anOfficerCheckWithoutAListProvesTheEmailAddressOnly() {
        String email = "default-" + UUID.randomUUID() + "@example.com";
        UUID id = file("RESTRICTION", email, PHONE);

        assertThat(calls().post("/api/privacy/requests/" + id + "/identity-verified", "{\"note\":\"seen\"}", officer())
                .statusCode()).isEqualTo(200);

        assertThat(fannedOut(id)).contains(indexer.email(email)).doesNotContain(indexer.phone(PHONE));
    }

    @Test
    void anUnknownCheckedIdentifierOrAPhoneTheRequestDoesNotGiveIsA400ProblemAndVerifiesNothing() {
        UUID withPhone = file("ERASURE", "bad-" + UUID.randomUUID() + "@example.com", PHONE);
        UUID withoutPhone = file("ERASURE", "nophone-" + UUID.randomUUID() + "@example.com", null);

        HttpResponse<String> unknown = calls().post("/api/privacy/requests/" + withPhone + "/identity-verified",
                "{\"note\":\"seen\",\"checked\":[\"EMAIL\",\"PASSPORT\"]}", officer());
        HttpResponse<String> empty = calls().post("/api/privacy/requests/" + withPhone + "/identity-verified",
                "{\"note\":\"seen\",\"checked\":[]}", officer());
        HttpResponse<String> noPhone = calls().post("/api/privacy/requests/" + withoutPhone + "/identity-verified",
                "{\"note\":\"seen\",\"checked\":[\"PHONE\"]}", officer());

        assertThat(List.of(unknown, empty, noPhone)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain("null");
        });
        assertThat(unknown.body()).contains("checked[1]").contains("must be EMAIL or PHONE");
        assertThat(noPhone.body()).contains("checked: PHONE");
        assertThat(List.of(withPhone, withoutPhone)).allSatisfy(id -> assertThat(
                calls().officerGet("/api/privacy/requests/" + id).path("status").asString())
                .isEqualTo("AWAITING_VERIFICATION"));
    }

    @Test
    void aSignedInClientFilingUnderTheirOwnAddressNeedsNoCodeAndTheRequestStartsAtOnce() {
        String email = "signed-in-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> filed = calls().post("/api/privacy/requests",
                "{\"type\":\"ACCESS\",\"email\":\"" + email.toUpperCase() + "\",\"phone\":\"" + PHONE + "\"}",
                TestTokens.get().client(indexer.email(email)));

        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(filed.body());
        assertThat(answer.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(answer.path("downloadToken").asString()).isNotBlank();
        UUID id = UUID.fromString(answer.path("id").asString());
        assertThat(fannedOut(id)).contains(indexer.email(email)).doesNotContain(indexer.phone(PHONE));
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).isEmpty();
        assertThat(calls().officerGet("/api/privacy/requests/" + id + "/evidence").toString())
                .contains("address proved by the client's sign-in");
    }

    @Test
    void aSignedInClientFilingForAnotherAddressIsMailedACodeLikeAnyoneElse() {
        String email = "someone-else-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> filed = calls().post("/api/privacy/requests",
                "{\"type\":\"ERASURE\",\"email\":\"" + email + "\"}",
                TestTokens.get().client(indexer.email("signed-in-as-me@example.com")));

        assertThat(filed.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(filed.body()).path("status").asString()).isEqualTo("AWAITING_VERIFICATION");
        assertThat(RightsTestCalls.codeMailedTo(MAIL, email)).hasSize(6);
    }

    private String fannedOut(UUID id) {
        return new String(PROBE.records(Topics.PRIVACY_REQUESTS, Duration.ofSeconds(30), 1,
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(id.toString())).get(0).value(),
                StandardCharsets.UTF_8);
    }

    private UUID file(String type, String email, String phone) {
        HttpResponse<String> filed = calls().post("/api/privacy/requests", "{\"type\":\"" + type + "\",\"email\":\"" + email
                + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"fullName\":\"Jane Doe\"}", null);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        return UUID.fromString(JSON.readTree(filed.body()).path("id").asString());
    }

    private static String officer() {
        return TestTokens.get().staff("PRIVACY_OFFICER");
    }

    private RightsTestCalls calls() {
        return new RightsTestCalls(port);
    }
}
