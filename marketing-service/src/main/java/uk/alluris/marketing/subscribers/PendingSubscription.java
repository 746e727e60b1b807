package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import uk.alluris.kit.privacy.ContactDetails;

/**
 * A sign-up waiting for its address to be confirmed: not a subscriber, sent nothing but the confirmation. It holds what
 * the form captured (the consent evidence included) until the link is used or expires. Once confirmed, only the ids and
 * times stay, so a second click is recognised; expired ones are deleted.
 */
@Document("pending_subscriptions")
class PendingSubscription {

    @Id
    UUID id;
    /** Stored as the top-level {@code email}, {@code emailIndex}, {@code phone}, {@code phoneIndex} fields. */
    @Unwrapped.Empty
    ContactDetails contact = ContactDetails.NONE;
    String fullName;
    List<String> lists = new ArrayList<>();
    List<MarketingChannel> channels = new ArrayList<>();
    String formId;
    String consentText;
    /** Anonymised (IPv4 /24, IPv6 /48). */
    String ipAddress;
    String userAgent;
    Instant requestedAt;
    @Indexed
    Instant expiresAt;
    Instant confirmedAt;
    UUID subscriberId;

    static PendingSubscription of(Enrolment.Contact contact, List<String> lists, List<MarketingChannel> channels,
            String formId, String consentText, String ipAddress, String userAgent, Instant now, Instant expiresAt) {
        PendingSubscription pending = new PendingSubscription();
        pending.id = UUID.randomUUID();
        pending.contact = contact.details();
        pending.fullName = contact.fullName();
        pending.lists = List.copyOf(lists);
        pending.channels = List.copyOf(channels);
        pending.formId = formId;
        pending.consentText = consentText;
        pending.ipAddress = ipAddress;
        pending.userAgent = userAgent;
        pending.requestedAt = now;
        pending.expiresAt = expiresAt;
        return pending;
    }

    Enrolment.Contact contact() {
        return Enrolment.Contact.of(contact, fullName);
    }

    /** Confirmed: the personal data goes (it lives on in the subscriber), the fact of the confirmation stays. */
    void confirmed(UUID subscriberId, Instant now) {
        this.subscriberId = subscriberId;
        this.confirmedAt = now;
        contact = new ContactDetails(null, contact.emailIndex(), null, contact.phoneIndex());
        fullName = null;
        consentText = null;
        ipAddress = null;
        userAgent = null;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return contact.email();
    }

    public String phone() {
        return contact.phone();
    }

    public String fullName() {
        return fullName;
    }

    public List<String> lists() {
        return lists;
    }

    public List<MarketingChannel> channels() {
        return channels;
    }

    public String formId() {
        return formId;
    }

    public String consentText() {
        return consentText;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    /** Applies corrected details to a sign-up still waiting ({@link Enrolment.Contact#corrected}); returns whether anything changed. */
    boolean rectify(Enrolment.Contact correction) {
        if (confirmedAt != null) {
            return false;
        }
        Enrolment.Contact corrected = contact().corrected(correction);
        if (corrected.equals(contact())) {
            return false;
        }
        contact = corrected.details();
        fullName = corrected.fullName();
        return true;
    }
}
