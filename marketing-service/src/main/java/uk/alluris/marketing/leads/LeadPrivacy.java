package uk.alluris.marketing.leads;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Widening;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.marketing.subscribers.Enrolment;
import uk.alluris.marketing.subscribers.MarketingChannel;

/**
 * What a privacy request does to the person's stored leads: found by their identifiers or by the subscriber a lead
 * became (the person as the subscribers feature widened them); leads not stored hold no personal data.
 */
@Component
public class LeadPrivacy {

    public static final String LEADS = "leads";

    /** One lead, with what its form asked and captured. */
    public record Exported(String source, String formId, String pageId, Instant capturedAt, Instant receivedAt,
            String email, String phone, String fullName, List<String> consentedChannels, String consentText,
            Instant objectedAt) {
    }

    private final Leads leads;
    private final PrivacyEffects effects;

    LeadPrivacy(Leads leads, PrivacyEffects effects) {
        this.effects = effects;
        this.leads = leads;
    }

    /** The person with the indexes their leads hold besides (suppressed too: a lead may have given another phone). */
    public SubjectIdentifiers widen(SubjectIdentifiers person) {
        // a lead is filed under the subscriber it became, which widen already counted: no subject id of its own
        return Widening.widen(person, theirs(person), lead -> null, lead -> lead.contact);
    }

    public CategoryOutcome erase(SubjectIdentifiers person) {
        List<Lead> theirs = theirs(person);
        int erased = effects.planned(LEADS, theirs.stream().map(Lead::id).toList());
        leads.deleteAll(theirs);
        return CategoryOutcome.counted(LEADS, Outcome.ERASED, erased);
    }

    /** The leads counted under this outcome (a restriction or its lifting changes nothing here). */
    public CategoryOutcome counted(SubjectIdentifiers person, Outcome outcome) {
        return CategoryOutcome.counted(LEADS, outcome, theirs(person).size());
    }

    /** Every lead's captured consent ends: the form's consent no longer counts. */
    public CategoryOutcome objectToMarketing(SubjectIdentifiers person, Instant now) {
        List<Lead> theirs = theirs(person);
        for (Lead lead : theirs) {
            if (lead.objected(now)) {
                leads.save(lead);
            }
        }
        return CategoryOutcome.counted(LEADS, Outcome.WITHDRAWN, theirs.size());
    }

    public List<Exported> export(SubjectIdentifiers person) {
        return theirs(person).stream().map(l -> new Exported(l.source(), l.formId(), l.pageId(), l.capturedAt(),
                l.receivedAt(), l.email(), l.phone(), l.fullName(),
                l.consents().stream().map(MarketingChannel::wireName).toList(), l.consentText(), l.objectedAt()))
                .toList();
    }

    /** Applies the corrected details ({@link Enrolment.Contact#corrected}) to every stored lead; returns how many changed. */
    public int rectify(SubjectIdentifiers person, Enrolment.Contact correction) {
        int rectified = 0;
        for (Lead lead : theirs(person)) {
            if (lead.rectify(correction)) {
                leads.save(lead);
                rectified++;
            }
        }
        return rectified;
    }

    /** Identifies each lead to the rectification guard, as {@code lead:<id>}. */
    public List<String> holderIds(SubjectIdentifiers person) {
        return theirs(person).stream().map(LeadPrivacy::holderId).toList();
    }

    public List<String> emailHolders(String emailIndex) {
        return leads.findByEmailIndex(emailIndex).stream().map(LeadPrivacy::holderId).toList();
    }

    public List<String> phoneHolders(String phoneIndex) {
        return leads.findByPhoneIndex(phoneIndex).stream().map(LeadPrivacy::holderId).toList();
    }

    private List<Lead> theirs(SubjectIdentifiers person) {
        return leads.findMatching(person.subjectUuids(), person.emailIndexes(), person.phoneIndexes()).stream()
                .filter(l -> l.status() == Lead.Status.STORED).toList();
    }

    private static String holderId(Lead lead) {
        return "lead:" + lead.id();
    }
}
