package uk.alluris.rights.disclosures;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the privacy office sends and reads about disclosures, with the limits each field is held to. */
final class DisclosureBodies {

    private DisclosureBodies() {
    }

    /**
     * @param recipient a recipient key of the register of processing (e.g. {@code authorities})
     * @param exemptionGround given only when the person is not told, and why the law allows that
     */
    record Recorded(@Size(max = 320) String email, @Size(max = 40) String phone, @NotBlank @Size(max = 60) String recipient,
            @NotBlank @Size(max = 200) String recipientName,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 60) String> categories,
            @NotNull @PastOrPresent(message = "must be today or a day in the past") LocalDate disclosedOn,
            @NotBlank @Size(max = 40) String legalBasis, @NotNull Boolean personTold,
            @Size(max = 500) String exemptionGround, @NotBlank @Size(max = 4000) String details) {
    }

    /** A person looked up by a proven identifier, as the desk knows them; at least one. */
    record Person(@Size(max = 320) String email, @Size(max = 40) String phone) {
    }

    /** @param details opened only for a look-up of the person, never in the list of recent disclosures */
    record View(UUID id, String recipient, String recipientName, List<String> categories, LocalDate disclosedOn,
            String legalBasis, boolean personTold, String exemptionGround, String details, String recordedBy,
            Instant recordedAt, boolean held, String heldBecause) {
    }
}
