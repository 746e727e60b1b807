package uk.alluris.records.privacy;

import uk.alluris.kit.privacy.ThirdPartyRedaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What records puts in a person's export (access and portability), one record type per category, as the person
 * receives it: decrypted, with third parties' personal data redacted ({@link ThirdPartyRedaction}), and never the
 * stored documents themselves — no ciphertext, no key material, no blind indexes, no outbox messages.
 */
public final class RecordsExport {

    static final String CONTACT_DETAILS = "Your email address and phone number are not stored here in readable form: "
            + "only as keyed hashes (blind indexes) used to find your records.";
    static final String SHREDDED = "Your clinical records here were erased by destroying their encryption key "
            + "(crypto-shredding): nothing of them can be read or exported any more.";
    static final String UNREADABLE = "This entry's encryption key was destroyed: its content can no longer be read.";
    static final String IMAGE = "The image itself is not stored by this service: these are the photo's details.";

    private RecordsExport() {
    }

    /** The {@code clinical-subject} category: who the records are about, as this service knows them. */
    public record Subject(String subjectId, LocalDate dateOfBirth, String contactDetails, LocalDate lastEntryOn,
            boolean processingRestricted, LocalDate keptUntil, Instant recordsErasedAt, String note) {
    }

    /**
     * The {@code clinical-records} category: medical history, consultations, treatments, aftercare, consent forms.
     * {@code thirdPartyRedactions} says how many pieces of other people's data were taken out of this entry.
     */
    public record Entry(UUID entryId, String kind, Instant recordedAt, Object details, String notes, String recordedBy,
            int thirdPartyRedactions, String unreadable) {
    }

    /** The {@code clinical-photos} category: each photo's details and whether the clinic may use it in marketing. */
    public record Photo(UUID entryId, Instant recordedAt, Object details, String notes, boolean marketingUse,
            String recordedBy, int thirdPartyRedactions, String image, String unreadable) {
    }

    /** The {@code records-read-audit} category: who read the records outside routine care, when, and why. */
    public record Read(Instant at, UUID entryId, String readBy, String reason) {
    }
}
