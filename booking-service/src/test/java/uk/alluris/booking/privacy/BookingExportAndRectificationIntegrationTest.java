package uk.alluris.booking.privacy;

import uk.alluris.kit.privacy.ThirdPartyRedaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.alluris.booking.clients.ClientPrivacy;
import uk.alluris.booking.testing.TestDiary;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.DataExportRequested;
import uk.alluris.events.Outcome;
import uk.alluris.events.ReceiptIssued;
import uk.alluris.events.RectificationRequested;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.ExportSeal;
import uk.alluris.kit.privacy.TransportSeal;
import uk.alluris.testsupport.PrivacyRequestProbe;
import uk.alluris.testsupport.ServiceCalls;
import uk.alluris.testsupport.TestTokens;
import uk.alluris.testsupport.UsesEmbeddedInfrastructure;

/** Access/portability and rectification requests arriving on Kafka, answered with receipts (and a sealed export). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesEmbeddedInfrastructure
class BookingExportAndRectificationIntegrationTest {

    private static final String SERVICE = "booking-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final PrivacyRequestProbe probe = new PrivacyRequestProbe();

    @LocalServerPort
    int port;
    @Autowired
    BlindIndexer indexer;
    @Autowired
    TransportSeal transportSeal;
    @Autowired
    ClientPrivacy clients;

    private final String reception = TestTokens.get().staff("RECEPTION");

    @Test
    void anExportHoldsThePersonsProfileAppointmentsAndPaymentsAndNothingOfAnyoneElse() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "export-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, "Ada Export", email, "07911 123461", true);
        String past = book(calls, clientId, OffsetDateTime.now().minusDays(30),
                "came with her friend, friend-" + clientId + "@example.org, 07712 345678; call her back on 07911 123461");
        book(calls, clientId, OffsetDateTime.now().plusDays(30), "follow-up");
        pay(calls, past, 30000, "pi_export_" + clientId);
        assertThat(calls.post("/api/bookings/clients/" + clientId + "/age-checks", "{\"documentType\":\"PASSPORT\"}",
                reception).status()).isEqualTo(201);
        String otherEmail = "someone-else-" + UUID.randomUUID() + "@example.com";
        String otherId = register(calls, "Bea Otherperson", otherEmail, "07911 123462", false);
        String otherAppointment = book(calls, otherId, OffsetDateTime.now().minusDays(3), "bea-only-note");
        pay(calls, otherAppointment, 12345, "pi_other_" + otherId);
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId, byEmail(email), LocalDate.now().plusMonths(1),
                Instant.now(), DataExportRequested.ACCESS, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.requestType()).isEqualTo("ACCESS");
        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("contact-profile", Outcome.EXPORTED, 1),
                CategoryOutcome.of("appointments", Outcome.EXPORTED, 2),
                CategoryOutcome.of("payments", Outcome.EXPORTED, 1),
                CategoryOutcome.of("age-checks", Outcome.EXPORTED, 1),
                // the future booking took a deposit and scheduled its reminders and aftercare (mail and SMS each)
                CategoryOutcome.of("deposits-and-refunds", Outcome.EXPORTED, 1),
                CategoryOutcome.of("message-log", Outcome.EXPORTED, 6));
        String text = new String(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE), StandardCharsets.UTF_8);
        JsonNode export = JSON.readTree(text);
        assertThat(export.path("service").asString()).isEqualTo(SERVICE);
        assertThat(export.path("requestId").asString()).isEqualTo(requestId.toString());
        JsonNode profile = export.path("data").path("contact-profile").get(0);
        assertThat(profile.path("clientId").asString()).isEqualTo(clientId);
        assertThat(profile.path("fullName").asString()).isEqualTo("Ada Export");
        assertThat(profile.path("email").asString()).isEqualTo(email);
        assertThat(profile.path("phone").asString()).isEqualTo("+447911123461");
        assertThat(profile.path("dateOfBirth").asString()).isEqualTo("1985-06-15");
        assertThat(profile.path("promotionalContentInMessages").asBoolean()).isTrue();
        assertThat(profile.path("processingRestricted").asBoolean()).isFalse();
        JsonNode appointments = export.path("data").path("appointments");
        assertThat(appointments.valueStream().map(a -> a.path("when").asString()).toList())
                .containsExactly("past", "upcoming");
        assertThat(appointments.get(0).path("treatment").asString()).isEqualTo("Lip filler");
        assertThat(appointments.get(0).path("practitioner").asString()).isEqualTo("Dr Alluris");
        // other people's contact details in the notes are redacted; the person's own number stays
        assertThat(appointments.get(0).path("notes").asString()).isEqualTo("came with her friend, "
                + ThirdPartyRedaction.EMAIL + ", " + ThirdPartyRedaction.PHONE + "; call her back on 07911 123461");
        JsonNode payment = export.path("data").path("payments").get(0);
        assertThat(payment.path("appointmentId").asString()).isEqualTo(past);
        assertThat(payment.path("amount").asString()).isEqualTo("300.00");
        assertThat(payment.path("currency").asString()).isEqualTo("GBP");
        assertThat(payment.path("status").asString()).isEqualTo("PAID");
        assertThat(appointments.get(1).path("status").asString()).isEqualTo("BOOKED");
        assertThat(appointments.get(1).path("history").get(0).path("to").asString()).isEqualTo("BOOKED");
        JsonNode ageCheck = export.path("data").path("age-checks").get(0);
        assertThat(ageCheck.path("documentType").asString()).isEqualTo("PASSPORT");
        assertThat(ageCheck.path("checkedBy").asString()).isEqualTo("staff-RECEPTION");
        assertThat(text).doesNotContain(otherEmail).doesNotContain(otherId).doesNotContain("Bea Otherperson")
                .doesNotContain("bea-only-note").doesNotContain("123.45").doesNotContain("friend-" + clientId)
                .doesNotContain("345678").doesNotContain(indexer.email(email)).doesNotContain("outbox")
                .doesNotContain("emailIndex");
    }

    @Test
    void aPersonBookingNeverMetGetsAnExportThatSaysNothingIsHeld() throws Exception {
        UUID requestId = UUID.randomUUID();
        KeysetHandle key = ExportSeal.newRecipientKey();

        probe.publish(new DataExportRequested(UUID.randomUUID(), requestId,
                byEmail("stranger-" + requestId + "@example.com"), LocalDate.now().plusMonths(1), Instant.now(),
                DataExportRequested.PORTABILITY, ExportSeal.publicKeyOf(key)));
        ReceiptIssued receipt = probe.receipt(requestId, SERVICE);

        assertThat(receipt.categories()).containsExactly(CategoryOutcome.of("contact-profile", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("appointments", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("payments", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("age-checks", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("deposits-and-refunds", Outcome.NOT_HELD, 0),
                CategoryOutcome.of("message-log", Outcome.NOT_HELD, 0));
        JsonNode data = JSON.readTree(ExportSeal.open(key, receipt.sealedExport(), requestId, SERVICE)).path("data");
        assertThat(data.path("contact-profile").isEmpty()).isTrue();
        assertThat(data.path("appointments").isEmpty()).isTrue();
        assertThat(data.path("payments").isEmpty()).isTrue();
    }

    @Test
    void rectificationCorrectsTheProfileAndThePersonIsFoundByTheNewDetailsOnly() throws Exception {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String oldEmail = "before-" + UUID.randomUUID() + "@example.com";
        String newEmail = "after-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, "Ada Misspelt", oldEmail, "07911 123463", false);
        String otherEmail = "bystander-" + UUID.randomUUID() + "@example.com";
        String otherId = register(calls, "Bea Bystander", otherEmail, "07911 123464", false);
        UUID requestId = UUID.randomUUID();
        Corrections corrections = new Corrections("Ada Spelt-Right", " " + newEmail.toUpperCase() + " ", "07911 123465",
                LocalDate.of(1986, 7, 16));

        probe.publish(rectification(requestId, byEmail(oldEmail), corrections));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RECTIFIED, 1));
        JsonNode client = calls.get("/api/bookings/clients/" + clientId, reception).json();
        assertThat(client.path("fullName").asString()).isEqualTo("Ada Spelt-Right");
        assertThat(client.path("email").asString()).isEqualTo(newEmail);
        assertThat(client.path("phone").asString()).isEqualTo("+447911123465");
        assertThat(client.path("dateOfBirth").asString()).isEqualTo("1986-07-16");
        assertThat(idsMatching(byEmail(newEmail))).containsExactly(clientId);
        assertThat(idsMatching(byEmail(oldEmail))).isEmpty();
        assertThat(idsMatching(byPhone("07911 123465"))).containsExactly(clientId);
        assertThat(idsMatching(byPhone("07911 123463"))).isEmpty();
        JsonNode bystander = calls.get("/api/bookings/clients/" + otherId, reception).json();
        assertThat(bystander.path("fullName").asString()).isEqualTo("Bea Bystander");
        assertThat(bystander.path("email").asString()).isEqualTo(otherEmail);

        // a later request naming the person by the new address finds them; the old address no longer does
        UUID byNew = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", byNew, byEmail(newEmail)));
        assertThat(probe.receipt(byNew, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("promotional-content", Outcome.WITHDRAWN, 1));
        UUID byOld = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("OBJECTION_TO_MARKETING", byOld, byEmail(oldEmail)));
        assertThat(probe.receipt(byOld, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("promotional-content", Outcome.NOT_HELD, 0));
    }

    @Test
    void aRestrictedPersonStaysRestrictedUnderTheirCorrectedDetails() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String oldEmail = "restricted-before-" + UUID.randomUUID() + "@example.com";
        String newEmail = "restricted-after-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, "Rae Restricted", oldEmail, null, false);
        UUID restriction = UUID.randomUUID();
        probe.publish(PrivacyRequestProbe.request("RESTRICTION", restriction, byEmail(oldEmail)));
        probe.receipt(restriction, SERVICE);
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail(oldEmail), new Corrections(null, newEmail, null, null)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RECTIFIED, 1));
        JsonNode client = calls.get("/api/bookings/clients/" + clientId, reception).json();
        assertThat(client.path("email").asString()).isEqualTo(newEmail);
        assertThat(client.path("restricted").asBoolean()).isTrue();
        assertThat(calls.put("/api/bookings/clients/" + clientId + "/promotional-content", "{\"allowed\":true}", reception)
                .status()).isEqualTo(409);
    }

    @Test
    void anEmailAddressThatIsAnotherClientsIsNotTakenOverButTheOtherCorrectionsApply() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "mine-" + UUID.randomUUID() + "@example.com";
        String theirs = "theirs-" + UUID.randomUUID() + "@example.com";
        String clientId = register(calls, "Ada Mine", email, null, false);
        String otherId = register(calls, "Bea Theirs", theirs, null, false);
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail(email), new Corrections("Ada Corrected", theirs, null, null)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RECTIFIED, 1));
        JsonNode client = calls.get("/api/bookings/clients/" + clientId, reception).json();
        assertThat(client.path("fullName").asString()).isEqualTo("Ada Corrected");
        assertThat(client.path("email").asString()).isEqualTo(email);
        assertThat(idsMatching(byEmail(theirs))).containsExactly(otherId);
    }

    @Test
    void aPhoneNumberThatIsAnotherClientsIsNotTakenOverButTheOtherCorrectionsApply() {
        ServiceCalls calls = ServiceCalls.onPort(port);
        String email = "mine-phone-" + UUID.randomUUID() + "@example.com";
        String theirPhone = String.format("07911 2233%02d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10, 100));
        String clientId = register(calls, "Cy Mine", email, "07911 223305", false);
        String otherId = register(calls, "Di Theirs", "theirs-phone-" + UUID.randomUUID() + "@example.com", theirPhone,
                false);
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail(email), new Corrections("Cy Corrected", null, theirPhone, null)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.RECTIFIED, 1));
        JsonNode client = calls.get("/api/bookings/clients/" + clientId, reception).json();
        assertThat(client.path("fullName").asString()).isEqualTo("Cy Corrected");
        assertThat(client.path("phone").asString()).isEqualTo("+447911223305");
        assertThat(calls.get("/api/bookings/clients/" + otherId, reception).json().path("phone").asString())
                .isEqualTo(indexer.normalisePhone(theirPhone));
    }

    @Test
    void aRectificationForSomeoneBookingNeverMetSaysNothingIsHeld() {
        UUID requestId = UUID.randomUUID();

        probe.publish(rectification(requestId, byEmail("nobody-" + requestId + "@example.com"),
                new Corrections("Nobody", null, null, null)));

        assertThat(probe.receipt(requestId, SERVICE).categories())
                .containsExactly(CategoryOutcome.of("contact-profile", Outcome.NOT_HELD, 0));
    }

    private RectificationRequested rectification(UUID requestId, SubjectIdentifiers subject, Corrections corrections) {
        return new RectificationRequested(UUID.randomUUID(), requestId, subject, LocalDate.now().plusMonths(1),
                Instant.now(), corrections.fields(), transportSeal.seal(corrections, requestId));
    }

    private SubjectIdentifiers byEmail(String email) {
        return new SubjectIdentifiers(List.of(), List.of(indexer.email(email)), List.of());
    }

    private SubjectIdentifiers byPhone(String phone) {
        return new SubjectIdentifiers(List.of(), List.of(), List.of(indexer.phone(phone)));
    }

    /** The client profiles booking finds under these identifiers, by id. */
    private List<String> idsMatching(SubjectIdentifiers subject) {
        return clients.matching(subject).ids().stream().map(UUID::toString).toList();
    }

    private String register(ServiceCalls calls, String name, String email, String phone, boolean promotions) {
        ServiceCalls.Answer answer = calls.post("/api/bookings/clients", """
                {"fullName":"%s","email":"%s",%s"dateOfBirth":"1985-06-15","promotionalContent":%s}
                """.formatted(name, email, phone == null ? "" : "\"phone\":\"" + phone + "\",", promotions), reception);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    /** A past visit is recorded in free text; a future one takes a slot from the test's own diary. */
    private String book(ServiceCalls calls, String clientId, OffsetDateTime start, String notes) {
        ServiceCalls.Answer answer = start.isAfter(OffsetDateTime.now())
                ? TestDiary.create(calls).book(clientId, reception, null, start.toInstant(), notes)
                : calls.post("/api/bookings/appointments", """
                        {"clientId":"%s","treatment":"Lip filler","practitioner":"Dr Alluris","start":"%s","notes":"%s"}
                        """.formatted(clientId, start, notes), reception);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private void pay(ServiceCalls calls, String appointmentId, long pence, String reference) {
        ServiceCalls.Answer answer = calls.post("/api/bookings/payments", """
                {"appointmentId":"%s","amountPence":%d,"status":"PAID","processorReference":"%s"}
                """.formatted(appointmentId, pence, reference), reception);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }
}
