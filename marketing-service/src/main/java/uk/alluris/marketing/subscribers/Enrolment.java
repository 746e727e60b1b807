package uk.alluris.marketing.subscribers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.alluris.events.ConsentCaptured;
import uk.alluris.kit.privacy.ContactDetails;
import uk.alluris.marketing.MarketingProperties;

/**
 * Makes a person a subscriber with consent for some channels, once that consent has been captured: a confirmed double
 * opt-in, or a lead whose form asked. The subscriber (found by email index, else phone index, else new) joins the
 * lists, gains the channel consents, and carries a {@code ConsentCaptured} event in the same save, which the consent
 * ledger records. The caller has already checked the person may be marketed to.
 */
@Service
public class Enrolment {

    /** The person, normalised, with their blind indexes; email or phone may be missing, not both. */
    public record Contact(String email, String emailIndex, String phone, String phoneIndex, String fullName) {

        public static Contact of(ContactDetails details, String fullName) {
            return new Contact(details.email(), details.emailIndex(), details.phone(), details.phoneIndex(), fullName);
        }

        /** The email and phone with their indexes, as every aggregate holding contact data embeds them. */
        public ContactDetails details() {
            return new ContactDetails(email, emailIndex, phone, phoneIndex);
        }

        /**
         * These details with a rectification applied: the kit's rule for the email and phone
         * ({@link ContactDetails#corrected}), and a corrected name (null = unchanged) stripped.
         */
        public Contact corrected(Contact correction) {
            return of(details().corrected(correction.details()),
                    correction.fullName() == null ? fullName : correction.fullName().strip());
        }
    }

    /**
     * How the consent was captured, for the ledger.
     *
     * @param eventId fixed by the caller so that enrolling again after a crash repeats the same event, not a new one
     * @param ledgerChannel how it reached the clinic as the ledger names it: {@code WEB}, {@code LEAD_FORM}
     * @param source {@code double-opt-in}, {@code meta-lead-ads}, {@code partner:<name>}
     * @param ipAddress already anonymised
     */
    public record Evidence(UUID eventId, String ledgerChannel, String source, String formId, String consentText,
            String ipAddress, String userAgent, Instant capturedAt) {
    }

    private final Subscribers subscribers;
    private final MarketingProperties properties;
    private final Clock clock;

    Enrolment(Subscribers subscribers, MarketingProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Enrols the person with consent for those of {@code channels} they can be reached on (email needs an address,
     * SMS a phone). Returns the saved subscriber.
     */
    public Subscriber enrol(Contact contact, Collection<String> lists, Set<MarketingChannel> channels, Evidence evidence) {
        Instant now = clock.instant();
        Optional<Subscriber> known = Optional.empty();
        if (contact.emailIndex() != null) {
            known = subscribers.findFirstByEmailIndex(contact.emailIndex());
        }
        if (known.isEmpty() && contact.phoneIndex() != null) {
            known = subscribers.findFirstByPhoneIndex(contact.phoneIndex());
        }
        Subscriber subscriber = known.map(found -> {
            found.fillInEmail(contact.email(), contact.emailIndex());
            found.join(contact.phone(), contact.fullName(), contact.phoneIndex(), lists, now);
            return found;
        }).orElseGet(() -> Subscriber.subscribe(contact.email(), contact.phone(), contact.fullName(),
                contact.emailIndex(), contact.phoneIndex(), List.copyOf(lists), evidence.source(), now));
        List<String> purposes = new ArrayList<>();
        for (MarketingChannel channel : MarketingChannel.values()) {
            boolean reachable = channel == MarketingChannel.EMAIL ? subscriber.email() != null : subscriber.phone() != null;
            if (channels.contains(channel) && reachable) {
                subscriber.grant(channel, new ChannelConsent(evidence.source(), evidence.formId(), evidence.capturedAt()));
                purposes.add(channel.purpose());
            }
        }
        if (!purposes.isEmpty()) {
            subscriber.record(new ConsentCaptured(evidence.eventId(), subscriber.id().toString(), subscriber.emailIndex(),
                    subscriber.phoneIndex(), purposes, evidence.ledgerChannel(), properties.policyVersion(),
                    evidence.source(), evidence.formId(), evidence.consentText(), evidence.ipAddress(),
                    evidence.userAgent(), evidence.capturedAt()));
        }
        return subscribers.save(subscriber);
    }
}
