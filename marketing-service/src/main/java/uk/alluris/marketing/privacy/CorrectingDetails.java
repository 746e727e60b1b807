package uk.alluris.marketing.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.ContactDetails;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.leads.LeadPrivacy;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.SubscriberPrivacy;
import uk.alluris.marketing.suppression.SuppressionPrivacy;

/**
 * Rectification in marketing: the name, email and phone on every subscriber, sign-up awaiting confirmation and lead
 * of the person, with the blind indexes that follow. As in booking and records, a corrected email or phone that
 * already identifies someone else's subscriber or lead is not applied ({@link ContactDetails#unclaimed}); and whatever kept
 * the person from marketing under the old details keeps them from it under the new ones: a suppression for good
 * (erasure, objection) and a restriction (registered and suppressed until it is lifted). The guard spans subscribers
 * and leads, so it is composed here rather than in either feature.
 */
@Component
class CorrectingDetails {

    private static final Logger log = LoggerFactory.getLogger(CorrectingDetails.class);

    private final SubscriberPrivacy subscribers;
    private final LeadPrivacy leads;
    private final SuppressionPrivacy suppression;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;

    CorrectingDetails(SubscriberPrivacy subscribers, LeadPrivacy leads, SuppressionPrivacy suppression,
            Restrictions restrictions, BlindIndexer indexer) {
        this.subscribers = subscribers;
        this.leads = leads;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.indexer = indexer;
    }

    /** Corrects the person as {@link SubscriberPrivacy#widen} found them. */
    List<CategoryOutcome> correct(SubjectIdentifiers person, Corrections corrections) {
        Set<String> theirs = new LinkedHashSet<>(subscribers.holderIds(person));
        theirs.addAll(leads.holderIds(person));
        ContactDetails.Claimed claimed = ContactDetails.requestedBy(corrections, indexer).unclaimed(theirs,
                this::emailHolders, this::phoneHolders);
        if (!claimed.refused().isEmpty()) {
            log.warn("rectification: corrected {} identifies someone else's subscriber or lead; left unchanged",
                    claimed.refused());
        }
        String emailIndex = claimed.applicable().emailIndex();
        String phoneIndex = claimed.applicable().phoneIndex();
        Enrolment.Contact correction = Enrolment.Contact.of(claimed.applicable(), corrections.fullName());
        SubjectIdentifiers everyone = leads.widen(person);
        boolean restricted = restrictions.isRestricted(everyone);
        suppression.carryOver(Stream.concat(everyone.emailIndexes().stream(), everyone.phoneIndexes().stream())
                .toList(), emailIndex, phoneIndex);
        List<String> subscriberIds = subscribers.subscriberIds(person);
        int rectifiedSubscribers = subscribers.rectify(person, correction);
        int rectifiedLeads = leads.rectify(person, correction);
        if (restricted && (emailIndex != null || phoneIndex != null)) {
            carryRestriction(subscriberIds, emailIndex, phoneIndex);
        }
        return List.of(CategoryOutcome.counted(SubscriberPrivacy.SUBSCRIBERS, Outcome.RECTIFIED, rectifiedSubscribers),
                CategoryOutcome.counted(LeadPrivacy.LEADS, Outcome.RECTIFIED, rectifiedLeads));
    }

    /** A restricted person stays restricted, and suppressed while it lasts, under the corrected details. */
    private void carryRestriction(List<String> subscriberIds, String emailIndex, String phoneIndex) {
        List<String> emails = emailIndex == null ? List.of() : List.of(emailIndex);
        List<String> phones = phoneIndex == null ? List.of() : List.of(phoneIndex);
        restrictions.restrict(new SubjectIdentifiers(subscriberIds, emails, phones));
        suppression.suppressWhileRestricted(emails, phones);
    }

    private List<String> emailHolders(String index) {
        List<String> holders = new ArrayList<>(subscribers.emailHolders(index));
        holders.addAll(leads.emailHolders(index));
        return holders;
    }

    private List<String> phoneHolders(String index) {
        List<String> holders = new ArrayList<>(subscribers.phoneHolders(index));
        holders.addAll(leads.phoneHolders(index));
        return holders;
    }
}
