package uk.alluris.rights.disclosures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.ServiceCalls.Answer;
import uk.alluris.testsupport.TestTokens;

/**
 * The disclosure log: the privacy officer or an administrator records a disclosure against a person found by email or
 * phone through the blind index; the details are sealed at rest; the register decides which recipients, categories and
 * legal bases exist; nobody else reads or writes it.
 */
class DisclosureLogIntegrationTest extends MailedRightsContext {

    private static final String OFFICER = TestTokens.get().staff("PRIVACY_OFFICER");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    static String disclosure(String email, String phone, String recipient, boolean told, String exemption) {
        return """
                {%s"recipient":"%s","recipientName":"Thames Valley Police, CID","categories":["client-profiles","payments"],
                 "disclosedOn":"2026-11-02","legalBasis":"LEGAL_OBLIGATION","personTold":%s,%s
                 "details":"Appointment dates and payment receipts for October, reference TVP-4471"}
                """.formatted((email == null ? "" : "\"email\":\"" + email + "\",")
                + (phone == null ? "" : "\"phone\":\"" + phone + "\","), recipient, told,
                exemption == null ? "" : "\"exemptionGround\":\"" + exemption + "\",");
    }

    @Test
    void theOfficerRecordsADisclosureAndFindsItAgainByThePersonsEmailOrPhoneWithTheDetailsSealedAtRest() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "disclosed-" + UUID.randomUUID() + "@example.com";
        Answer recorded = calls.post("/api/privacy/disclosures", disclosure(email, "07911 123" + digits(), "authorities",
                true, null), OFFICER);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        String id = recorded.json().path("id").asString();

        Answer byEmail = calls.post("/api/privacy/disclosures/lookup", "{\"email\":\"" + email.toUpperCase() + "\"}",
                OFFICER);
        assertThat(byEmail.status()).as(byEmail.text()).isEqualTo(200);
        JsonNode found = byEmail.json().get(0);
        assertThat(found.path("id").asString()).isEqualTo(id);
        assertThat(found.path("recipientName").asString()).isEqualTo("Thames Valley Police, CID");
        assertThat(found.path("details").asString()).contains("TVP-4471");
        assertThat(found.path("personTold").asBoolean()).isTrue();
        assertThat(found.path("recordedBy").asString()).isEqualTo("staff-PRIVACY_OFFICER");

        Document stored = mongo.getCollection("disclosures").find(new Document("_id", UUID.fromString(id))).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(email).doesNotContain("TVP-4471").doesNotContain("+447911");

        Answer recent = calls.get("/api/privacy/disclosures?size=200", OFFICER);
        assertThat(recent.text()).contains(id).doesNotContain("TVP-4471").doesNotContain(email);
    }

    @Test
    void aDisclosureRecordedByPhoneIsFoundByThatPhoneInAnyWritingAndAnAdministratorMayRecordOne() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String phone = "07911 124" + digits();
        Answer recorded = calls.post("/api/privacy/disclosures", disclosure(null, phone, "professional-advisers", false,
                "DPA 2018 Sch. 2 para 5: legal proceedings"), TestTokens.get().staff("ADMIN"));
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);

        Answer byPhone = calls.post("/api/privacy/disclosures/lookup",
                "{\"phone\":\"+44 " + phone.substring(1) + "\"}", OFFICER);
        assertThat(byPhone.json().get(0).path("exemptionGround").asString()).contains("legal proceedings");
    }

    @Test
    void aDisclosureTheRegisterDoesNotKnowOrThatContradictsItselfIsRefusedNamingTheFieldAndNothingIsStored() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "refused-" + UUID.randomUUID() + "@example.com";
        Answer unknownRecipient = calls.post("/api/privacy/disclosures", disclosure(email, null, "tabloid", true, null),
                OFFICER);
        assertThat(unknownRecipient.status()).isEqualTo(400);
        assertThat(unknownRecipient.isProblem()).isTrue();
        assertThat(unknownRecipient.json().path("detail").asString()).contains("recipient").contains("authorities");

        Answer toldAndExempt = calls.post("/api/privacy/disclosures", disclosure(email, null, "authorities", true,
                "DPA 2018 Sch. 2 para 2"), OFFICER);
        assertThat(toldAndExempt.status()).isEqualTo(400);
        assertThat(toldAndExempt.json().path("detail").asString()).contains("exemptionGround");

        Answer nobody = calls.post("/api/privacy/disclosures", disclosure(null, null, "authorities", true, null), OFFICER);
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.json().path("detail").asString()).contains("email or phone");

        Answer unknownCategory = calls.post("/api/privacy/disclosures", disclosure(email, null, "authorities", true, null)
                .replace("\"payments\"", "\"gossip\""), OFFICER);
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().path("detail").asString()).contains("categories").contains("clinical-records");

        Answer future = calls.post("/api/privacy/disclosures", disclosure(email, null, "authorities", true, null)
                .replace("2026-11-02", "2099-01-01"), OFFICER);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("errors").get(0).path("field").asString()).isEqualTo("disclosedOn");

        assertThat(calls.post("/api/privacy/disclosures/lookup", "{\"email\":\"" + email + "\"}", OFFICER).json()
                ).isEmpty();
    }

    @Test
    void onlyThePrivacyOfficerAndAdministratorsReadOrWriteTheLog() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String body = disclosure("x-" + UUID.randomUUID() + "@example.com", null, "authorities", true, null);
        String reception = TestTokens.get().staff("RECEPTION");
        String client = TestTokens.get().client("q3yW0m5F2cQ0sVb1kzJmY4m0v1Jb9wH1c6Qx7eLk8nA");
        assertThat(calls.post("/api/privacy/disclosures", body, reception).status()).isEqualTo(403);
        assertThat(calls.post("/api/privacy/disclosures", body, client).status()).isEqualTo(403);
        assertThat(calls.get("/api/privacy/disclosures", client).status()).isEqualTo(403);
        assertThat(calls.post("/api/privacy/disclosures/lookup", "{\"email\":\"a@example.com\"}", reception).status())
                .isEqualTo(403);
        assertThat(calls.post("/api/privacy/disclosures", body, null).status()).isEqualTo(401);
    }

    private static String digits() {
        return "%03d".formatted((int) (Math.random() * 1000));
    }
}
