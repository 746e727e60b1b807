package uk.alluris.marketing.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.webhook.WebhookSignature;
import uk.alluris.marketing.MarketingProperties;
import uk.alluris.marketing.MarketingTestPeople;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/**
 * The leads inbox staff work from: new leads with their consent, never someone suppressed, a restricted person marked
 * and not made a client; making a lead a client recorded once; the partners with their last delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class LeadInboxIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    MarketingProperties properties;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    SuppressionList suppression;
    @Autowired
    Restrictions restrictions;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void theInboxShowsNewLeadsWithTheirConsentNeverTheSuppressedAndMarksTheRestricted() throws Exception {
        String fresh = delivered("inbox-fresh");
        String restricted = delivered("inbox-restricted");
        String suppressed = delivered("inbox-suppressed");
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));
        suppression.suppress(List.of(indexer.email(suppressed)), List.of(), SuppressionEntry.Reason.OBJECTION);

        JsonNode inbox = calls().get("/api/marketing/leads?page=1&size=100", reception).json();

        assertThat(inbox.path("total").asInt()).isEqualTo(inbox.path("items").size());
        JsonNode lead = item(inbox, fresh);
        assertThat(lead.path("fullName").asString()).isEqualTo("Alex Inbox");
        assertThat(lead.path("source").asString()).isEqualTo("partner:acme");
        assertThat(lead.path("consents")).extracting(JsonNode::asString).containsExactly("email");
        assertThat(lead.path("consentText").asString()).isEqualTo("Email me offers.");
        assertThat(lead.path("restricted").asBoolean()).isFalse();
        assertThat(item(inbox, restricted).path("restricted").asBoolean()).isTrue();
        assertThat(item(inbox, suppressed)).isNull();
        assertThat(calls().get("/api/marketing/leads?page=0", reception).status()).isEqualTo(400);
        assertThat(calls().get("/api/marketing/leads?size=1000", reception).status()).isEqualTo(400);
        assertThat(calls().get("/api/marketing/leads", TestTokens.get().staff("CLINICIAN")).status()).isEqualTo(403);
        assertThat(calls().get("/api/marketing/leads", null).status()).isEqualTo(401);
    }

    @Test
    void aLeadMadeAClientIsRecordedOnceLeavesTheInboxAndARestrictedPersonIsRefused() throws Exception {
        String fresh = delivered("convert-fresh");
        String restricted = delivered("convert-restricted");
        restrictions.restrict(new SubjectIdentifiers(List.of(), List.of(indexer.email(restricted)), List.of()));
        JsonNode inbox = calls().get("/api/marketing/leads?size=100", reception).json();
        String id = item(inbox, fresh).path("id").asString();
        String restrictedId = item(inbox, restricted).path("id").asString();
        UUID client = UUID.randomUUID();

        ServiceCalls.Answer converted = calls().post(conversion(id), "{\"clientId\":\"" + client + "\"}", reception);

        assertThat(converted.status()).as(converted.text()).isEqualTo(200);
        assertThat(converted.json().path("clientId").asString()).isEqualTo(client.toString());
        assertThat(calls().post(conversion(id), "{\"clientId\":\"" + client + "\"}", reception).status()).isEqualTo(200);
        ServiceCalls.Answer other = calls().post(conversion(id), "{\"clientId\":\"" + UUID.randomUUID() + "\"}", reception);
        assertThat(other.status()).isEqualTo(409);
        ServiceCalls.Answer refused = calls().post(conversion(restrictedId), "{\"clientId\":\"" + client + "\"}",
                reception);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("title").asString()).isEqualTo("Restricted");
        assertThat(calls().post(conversion(id), "{}", reception).status()).isEqualTo(400);
        assertThat(calls().post(conversion("meta:unknown"), "{\"clientId\":\"" + client + "\"}", reception).status())
                .isEqualTo(404);
        assertThat(item(calls().get("/api/marketing/leads?size=100", reception).json(), fresh)).isNull();
    }

    @Test
    void eachPartnerIsShownWithItsLastDelivery() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        delivered("partner-last");

        JsonNode partners = calls().get("/api/marketing/leads/partners", TestTokens.get().staff("ADMIN")).json();

        JsonNode acme = partners.get(0);
        assertThat(acme.path("name").asString()).isEqualTo("acme");
        assertThat(Instant.parse(acme.path("lastDeliveryAt").asString())).isAfter(before);
        assertThat(acme.path("leads").path("stored").asLong()).isPositive();
        assertThat(calls().get("/api/marketing/leads/partners", reception).status()).isEqualTo(403);
    }

    private static JsonNode item(JsonNode inbox, String email) {
        for (JsonNode lead : inbox.path("items")) {
            if (lead.path("email").asString().equals(email)) {
                return lead;
            }
        }
        return null;
    }

    private static String conversion(String id) {
        return "/api/marketing/leads/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/conversion";
    }

    private ServiceCalls calls() {
        return ServiceCalls.onPort(port);
    }

    /** A partner lead for a fresh address, stored; answers the address. */
    private String delivered(String label) throws Exception {
        String email = MarketingTestPeople.freshEmail(label);
        byte[] body = """
                {"leadId":"%s","email":"%s","fullName":"Alex Inbox","formId":"inbox-form","consentText":"Email me offers.",
                 "consent":{"email":true,"sms":false},"capturedAt":"2026-01-20T10:15:30Z"}
                """.formatted(UUID.randomUUID(), email).getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignature(properties.partners().get("acme").secret(), Clock.systemUTC())
                .header(body);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/webhooks/leads/acme")).header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return email;
    }
}
