package uk.alluris.rights.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;

/**
 * The privacy office's own records under a person's requests: an erasure keeps the disclosure log and complaints for
 * their legal period, held back, with the ground and the end date on the office's receipt in the request's evidence; a
 * restriction holds them back until it is lifted; an objection to marketing leaves them alone.
 */
class OfficePrivacyIntegrationTest extends MailedRightsContext {

    private static final String OFFICER = TestTokens.get().staff("PRIVACY_OFFICER");

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasureKeepsTheDisclosureLogAndComplaintsHeldBackWithTheGroundAndEndDateOnTheReceipt() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "erase-office-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        String disclosure = disclosed(calls, email);
        String complaint = complained(calls, email, client);

        JsonNode receipt = officeReceipt(calls, file(calls, "ERASURE", email, client));

        assertThat(receipt.path("detail").asString())
                .contains("disclosure-log=RETAINED (1) until 2032-11-02: Accountability")
                .contains("complaints=RETAINED (1) until").contains("limitation period");
        assertThat(held(calls, email)).isTrue();
        assertThat(calls.get("/api/privacy/complaints/" + complaint, OFFICER).json().path("held").asBoolean()).isTrue();
        Document stored = mongo.getCollection("disclosures").find(new Document("_id", UUID.fromString(disclosure))).first();
        assertThat(stored.get("hold", Document.class).getString("kind")).isEqualTo("ERASURE");
    }

    @Test
    void aRestrictionHoldsTheOfficesRecordsBackUntilItIsLiftedAndAnObjectionToMarketingLeavesThemAlone() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "restrict-office-" + UUID.randomUUID() + "@example.com";
        String client = TestTokens.get().client(indexer.email(email));
        disclosed(calls, email);

        assertThat(officeReceipt(calls, file(calls, "RESTRICTION", email, client)).path("detail").asString())
                .contains("disclosure-log=RESTRICTED (1)").contains("complaints=NOT_HELD (0)");
        assertThat(held(calls, email)).isTrue();
        assertThat(officeReceipt(calls, file(calls, "LIFT_RESTRICTION", email, client)).path("detail").asString())
                .contains("disclosure-log=RESTRICTION_LIFTED (1)");
        assertThat(held(calls, email)).isFalse();

        String objection = file(calls, "OBJECTION_TO_MARKETING", email, client);
        assertThat(calls.get("/api/privacy/requests/" + objection + "/evidence", OFFICER).text())
                .doesNotContain("OFFICE_RECEIPT");
    }

    private static String disclosed(ServiceCalls calls, String email) {
        Answer recorded = calls.post("/api/privacy/disclosures", """
                {"email":"%s","recipient":"authorities","recipientName":"Insurer's claims team",
                 "categories":["clinical-records"],"disclosedOn":"2026-11-02","legalBasis":"LEGAL_OBLIGATION",
                 "personTold":true,"details":"Treatment notes of 1 October for claim 99-1"}""".formatted(email), OFFICER);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        return recorded.json().path("id").asString();
    }

    private static String complained(ServiceCalls calls, String email, String client) {
        Answer made = calls.post("/api/privacy/complaints", "{\"email\":\"" + email + "\",\"text\":\"Slow answer.\"}",
                client);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.json().path("id").asString();
    }

    /** Filed by the signed-in client under their own address: it starts at once, no code needed. */
    private static String file(ServiceCalls calls, String type, String email, String client) {
        Answer filed = calls.post("/api/privacy/requests", "{\"type\":\"" + type + "\",\"email\":\"" + email + "\"}",
                client);
        assertThat(filed.status()).as(filed.text()).isEqualTo(202);
        return filed.json().path("id").asString();
    }

    private static JsonNode officeReceipt(ServiceCalls calls, String requestId) {
        for (JsonNode step : calls.get("/api/privacy/requests/" + requestId + "/evidence", OFFICER).json()) {
            if (step.path("step").asString().equals("OFFICE_RECEIPT")) {
                return step;
            }
        }
        throw new AssertionError("no office receipt in the evidence of " + requestId);
    }

    private static boolean held(ServiceCalls calls, String email) {
        return calls.post("/api/privacy/disclosures/lookup", "{\"email\":\"" + email + "\"}", OFFICER).json()
                .get(0).path("held").asBoolean();
    }
}
