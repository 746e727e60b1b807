package uk.alluris.rights.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.function.StreamBridge;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.SubscriberUnsubscribed;
import uk.alluris.events.Topics;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.rights.MailedRightsContext;
import uk.alluris.rights.RightsTestCalls;
import uk.alluris.rights.request.PrivacyRequest;
import uk.alluris.rights.request.PrivacyRequests;
import uk.alluris.testsupport.PrivacyRequestProbe;

/**
 * Telling people: a completed erasure mails its requester what each service did, what was kept, why and until when,
 * and the ICO route, read from GreenMail; an opt-out with no address is recorded as not mailed; the officer's digest
 * lists a request due in three days.
 */
class OutcomeMailIntegrationTest extends MailedRightsContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> REGISTRY = List.of("booking-service", "records-service", "consent-service",
            "marketing-service");
    private static final LocalDate KEPT_UNTIL = LocalDate.of(2033, 4, 5);

    @LocalServerPort
    int port;
    @Autowired
    StreamBridge bridge;
    @Autowired
    PrivacyRequests requests;
    @Autowired
    OfficerDigest digest;
    @Autowired
    OutcomeMail outcomes;
    @Autowired
    BlindIndexer indexer;

    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @Test
    void aCompletedErasureMailsTheRequesterWhatEachServiceDidWhatWasKeptUntilWhenAndHowToComplain() throws Exception {
        String email = "outcome-" + UUID.randomUUID() + "@example.com";
        UUID id = fileAndVerify("ERASURE", email);

        REGISTRY.forEach(service -> answer(id, service));

        String mail = awaitMail(email, "Your privacy request is complete");
        assertThat(mail).contains(id.toString(), "erasure request")
                .contains("Appointments, payments and your details", "contact profile: deleted (1 record)",
                        "payments: kept, because the law requires it (2 records)")
                .contains("Clinical records", "clinical records: kept, but no longer used (3 records)")
                .contains("Your consents", "Marketing and newsletters", "subscriber: deleted (1 record)")
                .contains("kept on this ground: Legal obligation: financial records (6 years); until 5 April 2033")
                .contains("Information Commissioner's Office (ICO): ico.org.uk/make-a-complaint, telephone 0303 123 1113")
                .doesNotContain(email).doesNotContain("Jane Doe").doesNotContain("Botox");
        await().atMost(Duration.ofSeconds(10)).until(() -> steps(id).contains(OutcomeMail.MAILED));

        outcomes.tell(id);
        outcomes.tellMissed();
        assertThat(steps(id)).filteredOn(OutcomeMail.MAILED::equals).hasSize(1);
        assertThat(RightsTestCalls.messagesTo(MAIL, email)).filteredOn(m -> subject(m).contains("complete")).hasSize(1);
    }

    @Test
    void aCompletedOptOutFromAnUnsubscribeLinkHasNoAddressToWriteToAndIsRecordedAsNotMailed() {
        String emailIndex = indexer.email("unsub-" + UUID.randomUUID() + "@example.com");
        probe.publish(new SubscriberUnsubscribed(UUID.randomUUID(), UUID.randomUUID().toString(), emailIndex, null,
                "one-click-unsubscribe", Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !requests.findByEmailIndexOrderByReceivedAtDesc(emailIndex).isEmpty());
        UUID id = requests.findByEmailIndexOrderByReceivedAtDesc(emailIndex).get(0).id();

        REGISTRY.forEach(service -> answer(id, service));

        await().atMost(Duration.ofSeconds(20)).until(() -> steps(id).contains(OutcomeMail.NOT_MAILED));
        assertThat(steps(id)).endsWith("COMPLETED", OutcomeMail.NOT_MAILED).doesNotContain(OutcomeMail.MAILED);
        assertThat(requests.findById(id).orElseThrow().evidence()).last()
                .satisfies(entry -> assertThat(entry.detail()).contains("no email address"));
    }

    @Test
    void theOfficersDigestListsARequestDueInThreeDaysAndTheServicesStillSilent() throws Exception {
        UUID id = fileAndVerify("RESTRICTION", "digest-" + UUID.randomUUID() + "@example.com");
        answer(id, "booking-service");
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.findById(id).orElseThrow()
                .answers().get("booking-service").answered());
        LocalDate due = requests.findById(id).orElseThrow().dueDate();
        Instant morning = due.minusDays(3).atTime(7, 0).atZone(ZoneId.of("Europe/London")).toInstant();

        DigestLetter letter = digest.send(morning);

        assertThat(letter.dueSoon()).extracting(PrivacyRequest::id).contains(id);
        assertThat(letter.overdue()).extracting(PrivacyRequest::id).doesNotContain(id);
        String line = id + " (restriction): due " + DigestLetter.day(due) + ", in 3 day(s); 3 of 4 services";
        await().atMost(Duration.ofSeconds(10)).until(() -> digestsMentioning(id).stream().anyMatch(m -> m.contains(line)));
        assertThat(digestsMentioning(id).get(0)).contains("records-service on " + id + " (restriction)")
                .doesNotContain("booking-service on " + id).doesNotContain("digest-");

        DigestLetter later = digest.send(due.plusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant());
        assertThat(later.overdue()).extracting(PrivacyRequest::id).contains(id);
        assertThat(later.dueSoon()).extracting(PrivacyRequest::id).doesNotContain(id);
    }

    private UUID fileAndVerify(String type, String email) {
        RightsTestCalls calls = new RightsTestCalls(port);
        HttpResponse<String> filed = calls.post("/api/privacy/requests", "{\"type\":\"" + type + "\",\"email\":\""
                + email + "\",\"fullName\":\"Jane Doe\"}", null);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        UUID id = UUID.fromString(JSON.readTree(filed.body()).path("id").asString());
        HttpResponse<String> verified = calls.post("/api/privacy/requests/" + id + "/verification",
                "{\"code\":\"" + RightsTestCalls.codeMailedTo(MAIL, email) + "\"}", null);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return id;
    }

    private void answer(UUID id, String service) {
        List<CategoryOutcome> receipt = switch (service) {
            case "booking-service" -> List.of(CategoryOutcome.of("contact-profile", Outcome.ERASED, 1),
                    CategoryOutcome.retained("payments", 2, "Legal obligation: financial records (6 years)", KEPT_UNTIL));
            case "records-service" -> List.of(CategoryOutcome.of("clinical-records", Outcome.RESTRICTED, 3));
            case "marketing-service" -> List.of(CategoryOutcome.of("subscriber", Outcome.ERASED, 1));
            default -> List.of(CategoryOutcome.of("consents", Outcome.NOT_HELD, 0));
        };
        ReceiptIssued issued = new ReceiptIssued(UUID.randomUUID(), id, service, "ERASURE", receipt, Instant.now());
        bridge.send(Topics.PRIVACY_RECEIPTS, OutboxMessage.of(issued).toMessage("/alluris/" + service));
    }

    private List<String> steps(UUID id) {
        return requests.findById(id).orElseThrow().evidence().stream().map(entry -> entry.step()).toList();
    }

    private static String awaitMail(String to, String subject) {
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of(RightsTestCalls.messagesTo(MAIL, to)).stream()
                .anyMatch(m -> subject(m).equals(subject)));
        return List.of(RightsTestCalls.messagesTo(MAIL, to)).stream().filter(m -> subject(m).equals(subject))
                .map(OutcomeMailIntegrationTest::text).findFirst().orElseThrow();
    }

    private static List<String> digestsMentioning(UUID id) {
        return List.of(RightsTestCalls.messagesTo(MAIL, "privacy@alluris.local")).stream()
                .map(OutcomeMailIntegrationTest::text).filter(body -> body.contains(id.toString())).toList();
    }

    /** The decoded text, its line breaks and indents as single spaces. */
    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).replaceAll("\\s+", " ");
        } catch (java.io.IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
