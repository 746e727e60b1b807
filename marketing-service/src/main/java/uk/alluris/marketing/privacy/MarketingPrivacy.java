package uk.alluris.marketing.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.campaigns.CampaignSendPrivacy;
import uk.alluris.marketing.leads.LeadPrivacy;
import uk.alluris.marketing.subscribers.SubscriberPrivacy;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionPrivacy;

/**
 * What marketing does for each privacy request (docs/privacy-requests.md), composed in receipt order from what each
 * feature answers for its own data: erasure removes the subscriber, their list memberships, sign-ups awaiting
 * confirmation, leads and the record of campaigns sent to them, and suppresses their blind indexes; an objection
 * unsubscribes everywhere, ends every lead's consent and suppresses; a restriction keeps the person from being added or
 * sent anything until it is lifted; access exports their subscriptions, leads (with the consent evidence) and the
 * campaigns they received; rectification corrects subscribers and leads ({@link CorrectingDetails}).
 * <p>
 * The person is widened first ({@link SubscriberPrivacy#widen}): every feature acts on the request's identifiers plus
 * their subscribers' ids and indexes. Each action writes the suppression entries before it deletes or unsubscribes,
 * and every write is keyed by a blind index or a record id: a request handled again after a crash finishes the job
 * without doing anything twice.
 */
@Component
class MarketingPrivacy implements PrivacyActions {

    private final SubscriberPrivacy subscribers;
    private final LeadPrivacy leads;
    private final CampaignSendPrivacy sends;
    private final SuppressionPrivacy suppression;
    private final Restrictions restrictions;
    private final CorrectingDetails correcting;
    private final Clock clock;
    private final PrivacyEffects effects;

    MarketingPrivacy(SubscriberPrivacy subscribers, LeadPrivacy leads, CampaignSendPrivacy sends,
            SuppressionPrivacy suppression, Restrictions restrictions, CorrectingDetails correcting, Clock clock,
            PrivacyEffects effects) {
        this.effects = effects;
        this.subscribers = subscribers;
        this.leads = leads;
        this.sends = sends;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.correcting = correcting;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        SubjectIdentifiers person = journalled("person", subscribers.widen(subject));
        SubjectIdentifiers everyone = journalled(SuppressionPrivacy.SUPPRESSION, leads.widen(person));
        CategoryOutcome suppressed = suppression.suppress(everyone, SuppressionEntry.Reason.ERASURE);
        CategoryOutcome sent = sends.erase(person);
        CategoryOutcome theirLeads = leads.erase(person);
        List<CategoryOutcome> subscriptions = subscribers.erase(person);
        return List.of(subscriptions.get(0), subscriptions.get(1), theirLeads, sent, suppressed);
    }

    /**
     * Registers the restriction and suppresses the request's indexes while it lasts, so whatever sends marketing
     * (campaigns, lead follow-ups) finds the person on the one list it checks. Subscribers and leads are kept,
     * untouched.
     */
    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        suppression.suppressWhileRestricted(subject.emailIndexes(), subject.phoneIndexes());
        // keeps the restriction entries a mirror of the register (an identifier it did not take is not kept)
        suppression.releaseLiftedRestrictions();
        SubjectIdentifiers person = subscribers.widen(subject);
        return List.of(subscribers.counted(person, Outcome.RESTRICTED), leads.counted(person, Outcome.RESTRICTED));
    }

    /** Lifts the restriction and its suppression entries; an erasure's or an objection's entries stay. */
    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        suppression.releaseLiftedRestrictions();
        SubjectIdentifiers person = subscribers.widen(subject);
        return List.of(subscribers.counted(person, Outcome.RESTRICTION_LIFTED),
                leads.counted(person, Outcome.RESTRICTION_LIFTED));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        SubjectIdentifiers person = subscribers.widen(subject);
        CategoryOutcome suppressed = suppressAll(person, SuppressionEntry.Reason.OBJECTION);
        CategoryOutcome left = subscribers.objectToMarketing(person, now);
        return List.of(left, leads.objectToMarketing(person, now), suppressed);
    }

    /** Subscriptions (confirmed or awaiting confirmation), leads with their consent evidence, campaigns received. */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        SubjectIdentifiers person = subscribers.widen(subject);
        return PersonalDataExport.builder()
                .category(SubscriberPrivacy.SUBSCRIPTIONS_EXPORT, subscribers.export(person))
                .category(LeadPrivacy.LEADS, leads.export(person))
                .category(CampaignSendPrivacy.CAMPAIGNS_EXPORT, sends.export(person)).build();
    }

    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return correcting.correct(subscribers.widen(subject), corrections);
    }

    /**
     * Every identifier an erasure found the person by, now or in an interrupted run of the same request (whose
     * subscribers and leads may be gone already), so a redelivery after a crash acts on and counts the same person.
     */
    private SubjectIdentifiers journalled(String what, SubjectIdentifiers found) {
        return new SubjectIdentifiers(effects.targets(what + "-subject-ids", found.subjectIds()),
                effects.targets(what + "-email-indexes", found.emailIndexes()),
                effects.targets(what + "-phone-indexes", found.phoneIndexes()));
    }

    /**
     * Suppresses the request's identifiers and any the person's subscribers and leads had besides (a request naming the
     * email still suppresses the phone the subscriber gave); counts the indexes suppressed.
     */
    private CategoryOutcome suppressAll(SubjectIdentifiers person, SuppressionEntry.Reason reason) {
        return suppression.suppress(leads.widen(person), reason);
    }
}
