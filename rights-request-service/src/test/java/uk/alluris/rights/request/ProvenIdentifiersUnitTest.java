package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.alluris.rights.contact.Contact;

/** What a verified request sends the services, and what the officer is shown, by which identifiers were proven. */
class ProvenIdentifiersUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Contact GIVEN = new Contact("ada@example.com", "+447911123456", "Ada Lovelace", null);

    @Test
    void aRequestProvenByEmailSendsTheEmailIndexAloneWhateverPhoneWasStated() {
        PrivacyRequest request = filed();

        request.verified(NOW, LocalDate.of(2026, 12, 30), List.of("booking-service"), "requester", "code",
                List.of(Identifier.EMAIL), "phone-index-that-must-not-travel");

        assertThat(request.outbox()).singleElement().satisfies(message -> assertThat(message.payload())
                .contains("email-index").doesNotContain("phone-index"));
        assertThat(request.evidence().get(1).detail()).contains("proven: [EMAIL]");
    }

    @Test
    void aPhoneTheOfficerCheckedTravelsAsItsIndex() {
        PrivacyRequest request = filed();

        request.verified(NOW, LocalDate.of(2026, 12, 30), List.of("booking-service"), "officer", "checked",
                List.of(Identifier.EMAIL, Identifier.PHONE), "checked-phone-index");

        assertThat(request.outbox().get(0).payload()).contains("email-index").contains("checked-phone-index");
    }

    @Test
    void theOfficerSeesEveryIdentifierGivenMarkedProvenOrNot() {
        PrivacyRequest request = filed();
        assertThat(RequestViews.identifiers(request, GIVEN)).extracting(RequestViews.StatedIdentifier::proven)
                .containsExactly(false, false, false);

        request.verified(NOW, LocalDate.of(2026, 12, 30), List.of("booking-service"), "requester", "code",
                List.of(Identifier.EMAIL), null);

        assertThat(RequestViews.identifiers(request, GIVEN)).containsExactly(
                new RequestViews.StatedIdentifier("EMAIL", "ada@example.com", true),
                new RequestViews.StatedIdentifier("PHONE", "+447911123456", false),
                new RequestViews.StatedIdentifier("NAME", "Ada Lovelace", false));
        assertThat(RequestViews.identifiers(request, null)).isEmpty();
    }

    private static PrivacyRequest filed() {
        return PrivacyRequest.file(UUID.randomUUID(), RequestType.ERASURE, "email-index", "sealed",
                new Verification("hash", NOW.plusSeconds(3600), 5), NOW, "a verification code was sent");
    }
}
