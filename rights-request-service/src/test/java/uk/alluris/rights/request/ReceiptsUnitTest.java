package uk.alluris.rights.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;

/** The request owns its answers: one per registered service, the last completes it, repeats change nothing. */
class ReceiptsUnitTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final List<CategoryOutcome> RECTIFIED = List.of(CategoryOutcome.of("contact-profile",
            Outcome.RECTIFIED, 1));

    @Test
    void theLastReceiptCompletesTheRequestAndDropsTheSealedCorrectionsButNotTheFieldNames() {
        PrivacyRequest request = verifiedRectification();
        assertThat(request.rectification.transportCorrections()).isEqualTo("transport-sealed");

        assertThat(request.answer("booking-service", RECTIFIED, NOW.plusSeconds(1))).isTrue();
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(request.rectification.transportCorrections()).isEqualTo("transport-sealed");
        assertThat(request.answer("records-service", RECTIFIED, NOW.plusSeconds(2))).isTrue();

        assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(request.completedAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(request.rectification.transportCorrections()).isNull();
        assertThat(request.sealedCorrections()).isNull();
        assertThat(request.correctedFields()).containsExactly("email");
        assertThat(request.evidence()).extracting(EvidenceEntry::step).containsSubsequence("FILED", "VERIFIED",
                "CORRECTIONS_SENT", "RECEIPT", "RECEIPT", "COMPLETED");
    }

    @Test
    void aRepeatedReceiptOrOneFromAnUnregisteredServiceChangesNothing() {
        PrivacyRequest request = verifiedRectification();
        request.answer("booking-service", RECTIFIED, NOW.plusSeconds(1));
        int steps = request.evidence().size();

        assertThat(request.answer("booking-service", RECTIFIED, NOW.plusSeconds(5))).isFalse();
        assertThat(request.answer("someone-else", RECTIFIED, NOW.plusSeconds(5))).isFalse();

        assertThat(request.evidence()).hasSize(steps);
        assertThat(request.answers()).containsOnlyKeys("booking-service", "records-service");
        assertThat(request.answers().get("booking-service").answeredAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(request.status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    private static PrivacyRequest verifiedRectification() {
        PrivacyRequest request = PrivacyRequest.file(UUID.randomUUID(), RequestType.RECTIFICATION, "email-index",
                "sealed-contact", new Verification("hash", NOW.plusSeconds(3600), 5), NOW, "a code was sent");
        request.withCorrections("sealed-at-rest", List.of("email"));
        request.prepareFanOut(null, "transport-sealed");
        request.verified(NOW, LocalDate.of(2026, 12, 30), List.of("booking-service", "records-service"), "requester",
                "code", List.of(Identifier.EMAIL), null);
        return request;
    }
}
