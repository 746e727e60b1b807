package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;
import uk.alluris.events.PlatformEvent;
import uk.alluris.kit.outbox.OutboxMessage;
import uk.alluris.kit.outbox.OutboxOwner;
import uk.alluris.kit.privacy.ContactDetails;

/**
 * A person on the clinic's marketing lists, found by blind index when they ask to be left alone or erased. Being on a
 * list is not enough to be sent anything: a send also needs the subscriber's consent for that channel
 * ({@link #consents()}), given by a confirmed double opt-in or a lead form that asked. The events a change causes
 * (consent captured, unsubscribed) wait in the same document until relayed.
 */
@Document("subscribers")
public class Subscriber implements OutboxOwner {

    @Id
    UUID id;
    /** Stored as the top-level {@code email}, {@code emailIndex}, {@code phone}, {@code phoneIndex} fields. */
    @Unwrapped.Empty
    ContactDetails contact = ContactDetails.NONE;
    String fullName;
    @Indexed
    Set<String> lists = new LinkedHashSet<>();
    String source;
    Instant subscribedAt;
    Instant unsubscribedAt;
    /** Consent per channel, as marketing knows it; a withdrawal in the ledger removes the channel. */
    Map<MarketingChannel, ChannelConsent> consents = new LinkedHashMap<>();
    /** When the person opted out of everything (one-click unsubscribe or an objection). */
    Instant optedOutAt;
    List<OutboxMessage> outbox = new ArrayList<>();

    static Subscriber subscribe(String email, String phone, String fullName, String emailIndex, String phoneIndex,
            List<String> lists, String source, Instant now) {
        Subscriber subscriber = new Subscriber();
        subscriber.id = UUID.randomUUID();
        subscriber.contact = new ContactDetails(email, emailIndex, null, null);
        subscriber.source = source;
        subscriber.subscribedAt = now;
        subscriber.join(phone, fullName, phoneIndex, lists, now);
        return subscriber;
    }

    /** The same person subscribing again: lists are merged, details filled in, never duplicated. */
    void join(String phone, String fullName, String phoneIndex, Collection<String> moreLists, Instant now) {
        if (phone != null) {
            contact = new ContactDetails(contact.email(), contact.emailIndex(), phone, phoneIndex);
        }
        if (fullName != null && !fullName.isBlank()) {
            this.fullName = fullName.strip();
        }
        lists.addAll(moreLists);
        unsubscribedAt = null;
    }

    /** An address learnt later (a lead that first came by phone, then with an email). */
    void fillInEmail(String email, String emailIndex) {
        contact = contact.fillingIn(new ContactDetails(email, emailIndex, null, null));
    }

    /** Records consent for a channel; returns whether it is new. */
    boolean grant(MarketingChannel channel, ChannelConsent consent) {
        return consents.put(channel, consent) == null;
    }

    /** Drops the consent for a channel (withdrawn in the ledger); returns whether there was one. */
    boolean withdraw(MarketingChannel channel) {
        return consents.remove(channel) != null;
    }

    public boolean hasConsent(MarketingChannel channel) {
        return consents.containsKey(channel);
    }

    /** Leaves every list and drops every channel consent; returns how many memberships ended. */
    int unsubscribeEverywhere(Instant now) {
        int left = lists.size();
        lists.clear();
        consents.clear();
        if (left > 0) {
            unsubscribedAt = now;
        }
        return left;
    }

    /**
     * The person opted out of everything themselves (one click in a message): unsubscribed everywhere, consents
     * dropped. Returns false when they had already opted out, so a second click changes nothing.
     */
    public boolean optOut(Instant now) {
        if (optedOutAt != null) {
            return false;
        }
        unsubscribeEverywhere(now);
        unsubscribedAt = now;
        optedOutAt = now;
        return true;
    }

    /** Applies corrected details (null = unchanged, {@link Enrolment.Contact#corrected}); returns whether anything changed. */
    boolean rectify(Enrolment.Contact correction) {
        Enrolment.Contact held = Enrolment.Contact.of(contact, fullName);
        Enrolment.Contact corrected = held.corrected(correction);
        contact = corrected.details();
        fullName = corrected.fullName();
        return !corrected.equals(held);
    }

    /** Puts an event this change caused on its way, in the same save. */
    public void record(PlatformEvent event) {
        outbox.add(OutboxMessage.of(event));
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

    public String emailIndex() {
        return contact.emailIndex();
    }

    public String phoneIndex() {
        return contact.phoneIndex();
    }

    public List<String> lists() {
        return new ArrayList<>(lists);
    }

    public String source() {
        return source;
    }

    public Instant subscribedAt() {
        return subscribedAt;
    }

    public Instant unsubscribedAt() {
        return unsubscribedAt;
    }

    public Instant optedOutAt() {
        return optedOutAt;
    }

    public Map<MarketingChannel, ChannelConsent> consents() {
        Map<MarketingChannel, ChannelConsent> copy = new EnumMap<>(MarketingChannel.class);
        copy.putAll(consents);
        return copy;
    }

    @Override
    public List<OutboxMessage> outbox() {
        return outbox;
    }
}
