package uk.alluris.marketing.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.identity.Normalisation;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.IdentifierClaims;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.leads.Lead;
import uk.alluris.marketing.leads.Leads;
import uk.alluris.marketing.subscribers.PendingSubscription;
import uk.alluris.marketing.subscribers.PendingSubscriptions;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;

/**
 * Rectification in marketing: the name, email and phone on every subscriber, sign-up awaiting confirmation and lead
 * of the person, with the blind indexes that follow. As in booking and records, a corrected email or phone that
 * already identifies someone else's subscriber or lead is not applied ({@link IdentifierClaims}); and whatever kept
 * the person from marketing under the old details keeps them from it under the new ones: a suppression for good
 * (erasure, objection) and a restriction (registered and suppressed until it is lifted).
 */
@Component
class CorrectingDetails {

    private static final Logger log = LoggerFactory.getLogger(CorrectingDetails.class);

    private final Subscribers subscribers;
    private final PendingSubscriptions pending;
    private final Leads leads;
    private final SuppressionList suppression;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;

    CorrectingDetails(Subscribers subscribers, PendingSubscriptions pending, Leads leads, SuppressionList suppression,
            Restrictions restrictions, BlindIndexer indexer) {
        this.subscribers = subscribers;
        this.pending = pending;
        this.leads = leads;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.indexer = indexer;
    }

    /** The person's records as the request matched them. */
    record Theirs(SubjectIdentifiers subject, List<Subscriber> subscribers, List<Lead> leads,
            List<PendingSubscription> signUps) {

        Set<String> ids() {
            Set<String> ids = new LinkedHashSet<>();
            subscribers.forEach(s -> ids.add(subscriberId(s.id())));
            leads.forEach(l -> ids.add(leadId(l)));
            return ids;
        }
    }

    List<CategoryOutcome> correct(Theirs theirs, Corrections corrections) {
        String email = corrections.email() == null ? null : Normalisation.email(corrections.email());
        String phone = corrections.phone() == null ? null : indexer.normalisePhone(corrections.phone());
        IdentifierClaims.Applicable applicable = IdentifierClaims.unclaimed(email == null ? null : indexer.email(email),
                phone == null ? null : indexer.phone(phone), theirs.ids(), this::emailHolders, this::phoneHolders);
        if (!applicable.refused().isEmpty()) {
            log.warn("rectification: corrected {} identifies someone else's subscriber or lead; left unchanged",
                    applicable.refused());
        }
        String emailIndex = applicable.emailIndex();
        String phoneIndex = applicable.phoneIndex();
        email = emailIndex == null ? null : email;
        phone = phoneIndex == null ? null : phone;
        boolean restricted = isRestricted(theirs);
        carrySuppression(theirs, emailIndex, phoneIndex);
        int rectifiedSubscribers = 0;
        for (Subscriber s : theirs.subscribers()) {
            if (s.rectify(corrections.fullName(), email, emailIndex, phone, phoneIndex)) {
                subscribers.save(s);
                rectifiedSubscribers++;
            }
        }
        for (PendingSubscription p : theirs.signUps()) {
            if (p.rectify(corrections.fullName(), email, emailIndex, phone, phoneIndex)) {
                pending.save(p);
                rectifiedSubscribers++;
            }
        }
        int rectifiedLeads = 0;
        for (Lead lead : theirs.leads()) {
            if (lead.rectify(corrections.fullName(), email, emailIndex, phone, phoneIndex)) {
                leads.save(lead);
                rectifiedLeads++;
            }
        }
        if (restricted && (emailIndex != null || phoneIndex != null)) {
            carryRestriction(theirs, emailIndex, phoneIndex);
        }
        return List.of(CategoryOutcome.counted(MarketingPrivacy.SUBSCRIBERS, Outcome.RECTIFIED, rectifiedSubscribers),
                CategoryOutcome.counted(MarketingPrivacy.LEADS, Outcome.RECTIFIED, rectifiedLeads));
    }

    private boolean isRestricted(Theirs theirs) {
        return restrictions.isRestricted(theirs.subject())
                || theirs.subscribers().stream().anyMatch(s -> restrictions.isRestricted(s.id().toString(),
                        s.emailIndex(), s.phoneIndex()))
                || theirs.leads().stream().anyMatch(l -> restrictions.isRestricted(null, l.emailIndex(), l.phoneIndex()));
    }

    /** A restricted person stays restricted, and suppressed while it lasts, under the corrected details. */
    private void carryRestriction(Theirs theirs, String emailIndex, String phoneIndex) {
        List<String> emails = emailIndex == null ? List.of() : List.of(emailIndex);
        List<String> phones = phoneIndex == null ? List.of() : List.of(phoneIndex);
        restrictions.restrict(new SubjectIdentifiers(theirs.subscribers().stream().map(s -> s.id().toString()).toList(),
                emails, phones));
        suppression.suppress(emails, phones, SuppressionEntry.Reason.RESTRICTION);
    }

    /** A person suppressed for good under their old details is suppressed under the corrected ones too. */
    private void carrySuppression(Theirs theirs, String emailIndex, String phoneIndex) {
        if (emailIndex == null && phoneIndex == null) {
            return;
        }
        Set<SuppressionEntry.Reason> reasons = new LinkedHashSet<>();
        for (String index : Stream.concat(
                MarketingPrivacy.emails(theirs.subject(), theirs.subscribers(), theirs.leads()).stream(),
                MarketingPrivacy.phones(theirs.subject(), theirs.subscribers(), theirs.leads()).stream()).toList()) {
            reasons.addAll(suppression.reasonsFor(index, null));
        }
        reasons.stream().filter(SuppressionEntry.Reason::lasting).findFirst().ifPresent(reason -> suppression.suppress(
                emailIndex == null ? List.of() : List.of(emailIndex), phoneIndex == null ? List.of() : List.of(phoneIndex),
                reason));
    }

    private List<String> emailHolders(String index) {
        List<String> holders = new ArrayList<>();
        subscribers.findByEmailIndex(index).forEach(s -> holders.add(subscriberId(s.id())));
        leads.findByEmailIndex(index).forEach(l -> holders.add(leadId(l)));
        return holders;
    }

    private List<String> phoneHolders(String index) {
        List<String> holders = new ArrayList<>();
        subscribers.findByPhoneIndex(index).forEach(s -> holders.add(subscriberId(s.id())));
        leads.findByPhoneIndex(index).forEach(l -> holders.add(leadId(l)));
        return holders;
    }

    private static String subscriberId(UUID id) {
        return "subscriber:" + id;
    }

    private static String leadId(Lead lead) {
        return "lead:" + lead.id();
    }
}
