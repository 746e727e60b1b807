package uk.alluris.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import uk.alluris.testsupport.ServiceCalls.Answer;

/**
 * A new subscriber, as the issue tells it: subscribe, confirm from the mail, receive a campaign, unsubscribe in one
 * click — and the ledger and every service reflect it — then a partner's signed lead for the same address is dropped.
 */
class MarketingJourneySystemTest {

    private static final Pattern CONFIRM = Pattern.compile("(https?://\\S+/api/marketing/subscriptions/confirm\\?token=\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void subscribeConfirmReceiveUnsubscribeEverywhereAndTheNextLeadIsDropped() throws Exception {
        Journey journey = new Journey();
        Journey.Person person = journey.person("newsletter");
        String gateway = RunningPlatform.get().gatewayUrl();
        // the person is also a client with a photo entry marked for marketing before that flag was retired
        Answer client = journey.client.call("POST", "/api/bookings/clients", """
                {"fullName":"%s","email":"%s","phone":"%s","dateOfBirth":"1990-02-03"}
                """.formatted(person.fullName(), person.email(), person.phone()), journey.reception);
        assertThat(client.status()).as(client.text()).isEqualTo(201);
        journey.legacyMarketingPhotoEntry(person);

        // 1. sign up on the website: nothing is subscribed until the mailed link is used
        Answer signUp = journey.client.call("POST", "/api/marketing/subscriptions", """
                {"email":"%s","fullName":"%s","lists":["newsletter"],"channels":["email"],
                 "consentText":"Yes, email me news and offers","formId":"website-footer"}
                """.formatted(person.email(), person.fullName()), null);
        assertThat(signUp.status()).as(signUp.text()).isEqualTo(202);
        String link = first(CONFIRM, body(awaitMail(person.email(), "confirm")));
        assertThat(link).startsWith(gateway);
        HttpResponse<String> confirmed = post(link, "", "application/json");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        // 2. the grant lands in the consent ledger, with its evidence
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger(journey, person)
                .path("current").path("marketing.email").path("granted").asBoolean()).isTrue());
        assertThat(ledger(journey, person).path("history").toString()).contains("double-opt-in").contains("website-footer");

        // 3. a campaign reaches them, with a one-click unsubscribe (RFC 8058)
        String subject = "Spring offers " + UUID.randomUUID();
        Answer campaign = journey.client.callOnce("POST", "/api/marketing/campaigns", """
                {"list":"newsletter","subject":"%s","body":"Our spring offers.","channel":"email"}
                """.formatted(subject), journey.admin, UUID.randomUUID().toString());
        assertThat(campaign.status()).as(campaign.text()).isEqualTo(202);
        MimeMessage offer = awaitMail(person.email(), subject);
        assertThat(offer.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribe = offer.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertThat(unsubscribe).startsWith(gateway);

        // 4. one click, no sign-in
        HttpResponse<String> unsubscribed = post(unsubscribe, "List-Unsubscribe=One-Click",
                "application/x-www-form-urlencoded");
        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);

        // 5. it spreads: an objection to marketing, verified by the signed link, answered by every service
        JsonNode objection = awaitOptOut(journey, Instant.now().minusSeconds(120));
        JsonNode services = objection.path("services");
        assertThat(Journey.categories(services.path("booking-service"))).contains("promotional-content=WITHDRAWN/1");
        assertThat(Journey.categories(services.path("records-service"))).contains("photos-marketing-use=WITHDRAWN/1");
        assertThat(Journey.categories(services.path("consent-service"))).contains("marketing-consents=WITHDRAWN/1");
        assertThat(Journey.categories(services.path("marketing-service")))
                .anyMatch(line -> line.startsWith("suppression-list=RETAINED/"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ledger(journey, person)
                .path("current").path("marketing.email").path("granted").asBoolean()).isFalse());

        // 6. the next campaign does not reach them (someone else stays on the list: a campaign for a list nobody is
        // on is refused)
        Answer other = journey.client.call("POST", "/api/marketing/subscribers", """
                {"email":"stays-%s@example.com","lists":["newsletter"],"source":"clinic"}
                """.formatted(UUID.randomUUID()), journey.admin);
        assertThat(other.status()).as(other.text()).isEqualTo(201);
        String next = "Summer offers " + UUID.randomUUID();
        Answer second = journey.client.callOnce("POST", "/api/marketing/campaigns", """
                {"list":"newsletter","subject":"%s","body":"Our summer offers.","channel":"email"}
                """.formatted(next), journey.admin, UUID.randomUUID().toString());
        assertThat(second.status()).isEqualTo(202);
        // sent in the background: once it is done, it has not reached them
        String secondId = second.json().path("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> journey.client.call("GET", "/api/marketing/campaigns/"
                + secondId, null, journey.admin).json().path("status").asString().equals("SENT"));
        assertThat(mailsTo(person.email(), next)).isEmpty();

        // 7. a partner's signed lead for the same address is dropped, counted, never stored
        long droppedBefore = dropped(journey);
        String lead = """
                {"leadId":"acme-%s","email":"%s","fullName":"%s","formId":"spring-promo",
                 "consentText":"Email me offers","consent":{"email":true,"sms":false},"capturedAt":"%s"}
                """.formatted(UUID.randomUUID(), person.email(), person.fullName(), Instant.now());
        HttpResponse<String> delivered = signedLead(gateway, lead);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(202);
        assertThat(dropped(journey)).isEqualTo(droppedBefore + 1);
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/leads/acme"))
                .header("Content-Type", "application/json").header("X-Signature", "t=1,v1=00")
                .POST(HttpRequest.BodyPublishers.ofString(lead)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        journey.assertNoTopicCarriesPlaintext();
    }

    private static JsonNode ledger(Journey journey, Journey.Person person) {
        return journey.client.call("GET", "/api/consents?email=" + person.email(), null, journey.reception).json();
    }

    /** The objection filed from an unsubscribe since {@code since}, once complete. */
    private static JsonNode awaitOptOut(Journey journey, Instant since) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode item : journey.client.call("GET", "/api/privacy/requests?status=COMPLETED", null,
                    journey.officer).json()) {
                if ("OBJECTION_TO_MARKETING".equals(item.path("type").asString())
                        && Instant.parse(item.path("receivedAt").asString()).isAfter(since)) {
                    id[0] = item.path("id").asString();
                    return true;
                }
            }
            return false;
        });
        List<String> steps = journey.client.call("GET", "/api/privacy/requests/" + id[0] + "/evidence", null,
                journey.officer).json().findValuesAsString("step");
        // the requester is told the outcome once it completes (OUTCOME_MAILED or _NOT_MAILED), perhaps not yet
        assertThat(steps.stream().filter(step -> !step.startsWith("OUTCOME_")).toList()).startsWith("FILED", "VERIFIED")
                .endsWith("COMPLETED").filteredOn("RECEIPT"::equals).hasSize(4);
        return journey.client.call("GET", "/api/privacy/requests/" + id[0], null, journey.officer).json();
    }

    private static long dropped(Journey journey) {
        return journey.client.call("GET", "/api/marketing/leads/stats", null, journey.admin).json()
                .path("partner:acme").path("dropped-suppressed").asLong(0);
    }

    private static HttpResponse<String> signedLead(String gateway, String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(RunningPlatform.PARTNER_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        String v1 = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/webhooks/leads/acme"))
                .header("Content-Type", "application/json").header("X-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String body, String contentType) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .header("X-Forwarded-For", "198.18.201.1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage awaitMail(String to, String subjectPart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(to, subjectPart).isEmpty());
        List<MimeMessage> found = mailsTo(to, subjectPart);
        return found.get(found.size() - 1);
    }

    private static List<MimeMessage> mailsTo(String to, String subjectPart) {
        return Arrays.stream(RunningPlatform.get().mail().getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equalsIgnoreCase(to)
                        && message.getSubject().toLowerCase().contains(subjectPart.toLowerCase());
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
    }

    private static String first(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        assertThat(found.find()).as("a link in: " + text).isTrue();
        return found.group(1);
    }
}
