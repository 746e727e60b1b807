package uk.alluris.booking.clients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import uk.alluris.events.ClientRegistered;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;
import uk.alluris.kit.privacy.ContactDetails;

/**
 * A client's contact profile. Its id is the person's subject id across the platform (booking usually meets a person
 * first); the blind indexes let a privacy request find it without anyone sending the address around.
 */
@Document("clients")
class Client implements OutboxOwner {

    @Id
    UUID id;
    String fullName;
    /** Stored as the top-level {@code email}, {@code emailIndex}, {@code phone}, {@code phoneIndex} fields. */
    @Unwrapped.Empty
    ContactDetails contact = ContactDetails.NONE;
    LocalDate dateOfBirth;
    /** Whether reminders and other messages may carry promotional content; off unless the client asked for it. */
    boolean promotionalContent;
    /** When the client objected to marketing; shown to staff in the diary so nobody offers them promotions. */
    Instant marketingObjectedAt;
    Instant registeredAt;
    /** Who corrected which details when, at reception's desk (field names only: the values live above). */
    List<StaffCorrection> staffCorrections = new ArrayList<>();
    List<OutboxMessage> outbox = new ArrayList<>();

    /** One correction made by staff: the audit entry kept with the profile (and erased with it). */
    record StaffCorrection(Instant at, String by, List<String> fields) {
    }

    static Client register(String fullName, String email, String phone, LocalDate dateOfBirth, String emailIndex,
            String phoneIndex, boolean promotionalContent, Instant now) {
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.fullName = fullName;
        client.contact = new ContactDetails(email, emailIndex, phone, phoneIndex);
        client.dateOfBirth = dateOfBirth;
        client.promotionalContent = promotionalContent;
        client.registeredAt = now;
        client.outbox.add(OutboxMessage.of(
                new ClientRegistered(UUID.randomUUID(), client.id.toString(), emailIndex, phoneIndex, now)));
        return client;
    }

    /**
     * Applies a rectification: each non-null value replaces the one held, the email and phone (already normalised,
     * with their indexes) by the kit's rule ({@link ContactDetails#corrected}). Returns whether anything changed.
     */
    boolean correct(String fullName, String email, String emailIndex, String phone, String phoneIndex,
            LocalDate dateOfBirth) {
        boolean changed = false;
        if (fullName != null && !fullName.equals(this.fullName)) {
            this.fullName = fullName;
            changed = true;
        }
        ContactDetails corrected = contact.corrected(new ContactDetails(email, emailIndex, phone, phoneIndex));
        if (!corrected.equals(contact)) {
            contact = corrected;
            changed = true;
        }
        if (dateOfBirth != null && !dateOfBirth.equals(this.dateOfBirth)) {
            this.dateOfBirth = dateOfBirth;
            changed = true;
        }
        return changed;
    }

    void recordStaffCorrection(Instant at, String by, List<String> fields) {
        if (staffCorrections == null) {
            staffCorrections = new ArrayList<>();
        }
        staffCorrections.add(new StaffCorrection(at, by, List.copyOf(fields)));
    }

    List<StaffCorrection> staffCorrections() {
        return staffCorrections == null ? List.of() : List.copyOf(staffCorrections);
    }

    void stopPromotionalContent() {
        promotionalContent = false;
    }

    void objectToMarketing(Instant now) {
        promotionalContent = false;
        if (marketingObjectedAt == null) {
            marketingObjectedAt = now;
        }
    }

    Instant marketingObjectedAt() {
        return marketingObjectedAt;
    }

    void allowPromotionalContent(boolean allowed) {
        promotionalContent = allowed;
    }

    UUID id() {
        return id;
    }

    String fullName() {
        return fullName;
    }

    String email() {
        return contact.email();
    }

    String phone() {
        return contact.phone();
    }

    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    String emailIndex() {
        return contact.emailIndex();
    }

    String phoneIndex() {
        return contact.phoneIndex();
    }

    boolean promotionalContent() {
        return promotionalContent;
    }

    Instant registeredAt() {
        return registeredAt;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
