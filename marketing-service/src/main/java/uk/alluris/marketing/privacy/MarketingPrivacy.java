package uk.alluris.marketing.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.campaigns.Campaign;
import uk.alluris.marketing.campaigns.CampaignSend;
import uk.alluris.marketing.campaigns.CampaignSends;
import uk.alluris.marketing.campaigns.Campaigns;
import uk.alluris.marketing.leads.Lead;
import uk.alluris.marketing.leads.Leads;
import uk.alluris.marketing.subscribers.MarketingChannel;
import uk.alluris.marketing.subscribers.PendingSubscription;
import uk.alluris.marketing.subscribers.PendingSubscriptions;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;

/**
 * What marketing does for each privacy request (ARCHITECTURE.md): erasure removes the subscriber, their list
 * memberships, sign-ups awaiting confirmation, leads and the record of campaigns sent to them, and suppresses their
 * blind indexes; an objection unsubscribes everywhere, ends every lead's consent and suppresses; a restriction keeps
 * the person from being added or sent anything until it is lifted; access exports their subscriptions, leads (with
 * the consent evidence) and the campaigns they received; rectification corrects subscribers and leads
 * ({@link CorrectingDetails}).
 * <p>
 * Each action writes the suppression entries before it deletes or unsubscribes, and every write is keyed by a blind
 * index or a record id: a request handled again after a crash finishes the job without doing anything twice.
 */
@Component
class MarketingPrivacy implements PrivacyActions {

    static final String SUBSCRIBERS = "subscribers";
    static final String MEMBERSHIPS = "list-memberships";
    static final String LEADS = "leads";
    static final String CAMPAIGN_SENDS = "campaign-sends";
    static final String SUPPRESSION = "suppression-list";
    static final String SUBSCRIPTIONS_EXPORT = "subscriptions";
    static final String CAMPAIGNS_EXPORT = "campaigns-received";
    static final String SUPPRESSION_GROUND =
            "Legitimate interests and PECR: a blind index kept so the person is never marketed to again";

    /** One subscription, as the person gets it back. */
    record SubscriptionRecord(String status, String email, String phone, String fullName, List<String> lists,
            List<Map<String, Object>> consents, String source, Instant subscribedAt, Instant unsubscribedAt) {
    }

    /** One lead, with what its form asked and captured. */
    record LeadRecord(String source, String formId, String pageId, Instant capturedAt, Instant receivedAt, String email,
            String phone, String fullName, List<String> consentedChannels, String consentText, Instant objectedAt) {
    }

    /** One campaign received. */
    record CampaignRecord(String subject, String list, String channel, Instant sentAt) {
    }

    private final Subscribers subscribers;
    private final PendingSubscriptions pending;
    private final Leads leads;
    private final Campaigns campaigns;
    private final CampaignSends sends;
    private final SuppressionList suppression;
    private final Restrictions restrictions;
    private final CorrectingDetails correcting;
    private final Clock clock;

    MarketingPrivacy(Subscribers subscribers, PendingSubscriptions pending, Leads leads, Campaigns campaigns,
            CampaignSends sends, SuppressionList suppression, Restrictions restrictions, CorrectingDetails correcting,
            Clock clock) {
        this.subscribers = subscribers;
        this.pending = pending;
        this.leads = leads;
        this.campaigns = campaigns;
        this.sends = sends;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.correcting = correcting;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        List<Subscriber> found = matching(subject);
        List<PendingSubscription> signUps = pendingMatching(subject, found);
        int awaiting = (int) signUps.stream().filter(p -> p.confirmedAt() == null).count();
        List<Lead> theirLeads = leadsMatching(subject, found);
        List<CampaignSend> sent = sendsMatching(subject, found);
        int memberships = found.stream().mapToInt(s -> s.lists().size()).sum();
        int suppressed = suppressAll(subject, found, theirLeads, SuppressionEntry.Reason.ERASURE);
        sends.deleteAll(sent);
        leads.deleteAll(theirLeads);
        pending.deleteAll(signUps);
        subscribers.deleteAll(found);
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.ERASED, found.size() + awaiting),
                CategoryOutcome.counted(MEMBERSHIPS, Outcome.ERASED, memberships),
                CategoryOutcome.counted(LEADS, Outcome.ERASED, theirLeads.size()),
                CategoryOutcome.counted(CAMPAIGN_SENDS, Outcome.ERASED, sent.size()),
                CategoryOutcome.retained(SUPPRESSION, suppressed, SUPPRESSION_GROUND, null));
    }

    /**
     * Registers the restriction and suppresses the request's indexes while it lasts, so whatever sends marketing
     * (campaigns, lead follow-ups) finds the person on the one list it checks. Subscribers and leads are kept,
     * untouched.
     */
    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        suppression.suppress(subject.emailIndexes(), subject.phoneIndexes(), SuppressionEntry.Reason.RESTRICTION);
        // keeps the restriction entries a mirror of the register (an identifier it did not take is not kept)
        suppression.releaseLiftedRestrictions();
        List<Subscriber> found = matching(subject);
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.RESTRICTED, found.size()),
                CategoryOutcome.counted(LEADS, Outcome.RESTRICTED, leadsMatching(subject, found).size()));
    }

    /** Lifts the restriction and its suppression entries; an erasure's or an objection's entries stay. */
    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        suppression.releaseLiftedRestrictions();
        List<Subscriber> found = matching(subject);
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.RESTRICTION_LIFTED, found.size()),
                CategoryOutcome.counted(LEADS, Outcome.RESTRICTION_LIFTED, leadsMatching(subject, found).size()));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        List<Subscriber> found = matching(subject);
        List<Lead> theirLeads = leadsMatching(subject, found);
        int suppressed = suppressAll(subject, found, theirLeads, SuppressionEntry.Reason.OBJECTION);
        int left = 0;
        for (Subscriber subscriber : found) {
            left += subscriber.unsubscribeEverywhere(now);
            subscribers.save(subscriber);
        }
        for (Lead lead : theirLeads) {
            if (lead.objected(now)) {
                leads.save(lead);
            }
        }
        List<PendingSubscription> signUps = pendingMatching(subject, found);
        pending.deleteAll(signUps.stream().filter(p -> p.confirmedAt() == null).toList());
        return List.of(CategoryOutcome.counted(MEMBERSHIPS, Outcome.WITHDRAWN, left),
                CategoryOutcome.counted(LEADS, Outcome.WITHDRAWN, theirLeads.size()),
                CategoryOutcome.retained(SUPPRESSION, suppressed, SUPPRESSION_GROUND, null));
    }

    /** Subscriptions (confirmed or awaiting confirmation), leads with their consent evidence, campaigns received. */
    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        List<Subscriber> found = matching(subject);
        List<SubscriptionRecord> subscriptions = new ArrayList<>();
        for (Subscriber s : found) {
            List<Map<String, Object>> consents = new ArrayList<>();
            s.consents().forEach((channel, consent) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("channel", channel.wireName());
                one.put("source", consent.source());
                one.put("formId", consent.formId());
                one.put("grantedAt", consent.grantedAt());
                consents.add(one);
            });
            subscriptions.add(new SubscriptionRecord(s.optedOutAt() != null ? "unsubscribed" : "subscribed", s.email(),
                    s.phone(), s.fullName(), s.lists(), consents, s.source(), s.subscribedAt(), s.unsubscribedAt()));
        }
        for (PendingSubscription p : pendingMatching(subject, found)) {
            if (p.confirmedAt() == null) {
                subscriptions.add(new SubscriptionRecord("awaiting-confirmation", p.email(), p.phone(), p.fullName(),
                        p.lists(), List.of(), "double-opt-in", p.requestedAt(), null));
            }
        }
        List<LeadRecord> theirLeads = leadsMatching(subject, found).stream().map(l -> new LeadRecord(l.source(),
                l.formId(), l.pageId(), l.capturedAt(), l.receivedAt(), l.email(), l.phone(), l.fullName(),
                l.consents().stream().map(MarketingChannel::wireName).toList(), l.consentText(), l.objectedAt())).toList();
        Map<UUID, Campaign> byId = new LinkedHashMap<>();
        List<CampaignRecord> received = new ArrayList<>();
        for (CampaignSend send : sendsMatching(subject, found)) {
            if (send.outcome() != CampaignSend.Outcome.SENT) {
                continue;
            }
            Campaign campaign = byId.computeIfAbsent(send.campaignId(), id -> campaigns.findById(id).orElse(null));
            if (campaign != null) {
                received.add(new CampaignRecord(campaign.subject(), campaign.list(), campaign.channel(), send.sentAt()));
            }
        }
        return PersonalDataExport.builder().category(SUBSCRIPTIONS_EXPORT, subscriptions).category(LEADS, theirLeads)
                .category(CAMPAIGNS_EXPORT, received).build();
    }

    /** Corrects subscribers, sign-ups awaiting confirmation and leads ({@link CorrectingDetails}). */
    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        List<Subscriber> found = matching(subject);
        return correcting.correct(new CorrectingDetails.Theirs(subject, found, leadsMatching(subject, found),
                pendingMatching(subject, found)), corrections);
    }

    /**
     * Suppresses the request's identifiers and any the matching subscribers and leads had besides (a request naming the
     * email still suppresses the phone the subscriber gave); returns how many indexes are suppressed.
     */
    private int suppressAll(SubjectIdentifiers subject, List<Subscriber> found, List<Lead> theirLeads,
            SuppressionEntry.Reason reason) {
        List<String> emails = emails(subject, found, theirLeads);
        List<String> phones = phones(subject, found, theirLeads);
        suppression.suppress(emails, phones, reason);
        return emails.size() + phones.size();
    }

    static List<String> emails(SubjectIdentifiers subject, List<Subscriber> found, List<Lead> theirLeads) {
        return Stream.of(subject.emailIndexes().stream(), found.stream().map(Subscriber::emailIndex),
                theirLeads.stream().map(Lead::emailIndex)).flatMap(s -> s).filter(Objects::nonNull).distinct().toList();
    }

    static List<String> phones(SubjectIdentifiers subject, List<Subscriber> found, List<Lead> theirLeads) {
        return Stream.of(subject.phoneIndexes().stream(), found.stream().map(Subscriber::phoneIndex),
                theirLeads.stream().map(Lead::phoneIndex)).flatMap(s -> s).filter(Objects::nonNull).distinct().toList();
    }

    private List<Subscriber> matching(SubjectIdentifiers subject) {
        return subscribers.findMatching(subject.subjectUuids(), subject.emailIndexes(), subject.phoneIndexes());
    }

    /** Sign-ups awaiting confirmation (and traces of confirmed ones) under any of the person's indexes. */
    private List<PendingSubscription> pendingMatching(SubjectIdentifiers subject, List<Subscriber> found) {
        return pending.findMatching(emails(subject, found, List.of()), phones(subject, found, List.of()));
    }

    /** Every stored lead of the person: by their identifiers, the subscribers' or the subscriber a lead became. */
    private List<Lead> leadsMatching(SubjectIdentifiers subject, List<Subscriber> found) {
        List<UUID> ids = ids(subject, found);
        return leads.findMatching(ids, emails(subject, found, List.of()), phones(subject, found, List.of())).stream()
                .filter(l -> l.status() == Lead.Status.STORED).toList();
    }

    private List<CampaignSend> sendsMatching(SubjectIdentifiers subject, List<Subscriber> found) {
        return sends.findMatching(ids(subject, found), emails(subject, found, List.of()));
    }

    private static List<UUID> ids(SubjectIdentifiers subject, Collection<Subscriber> found) {
        return Stream.concat(subject.subjectUuids().stream(), found.stream().map(Subscriber::id)).distinct().toList();
    }
}
