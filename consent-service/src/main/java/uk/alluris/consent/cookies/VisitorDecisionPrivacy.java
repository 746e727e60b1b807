package uk.alluris.consent.cookies;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;

/**
 * What a person's claimed cookie choices answer to privacy requests. Only choices joined to a person (by signing in)
 * can be found: an anonymous visitor's are known by nobody's identifiers. Erasure deletes them — their pseudonymous
 * proof stays in the ledger entries they became, whose own personal data (the evidence) the ledger erases — and with
 * them the link from the visitor id to the person, so later choices from that browser are anonymous again. Restriction
 * and objection act through the ledger (no new grant used; every marketing purpose withdrawn); here they are counted.
 */
@Component
public class VisitorDecisionPrivacy {

    static final String CATEGORY = "cookie-choices";

    /** One choice as the person receives it in their export. */
    record ExportedChoice(boolean necessary, boolean analytics, boolean advertising, boolean globalPrivacyControl,
            String bannerVersion, String policyVersion, String ipAddressAnonymised, String userAgent,
            Instant recordedAt, Instant joinedYourAccountAt) {
    }

    private final VisitorDecisions decisions;
    private final PrivacyEffects effects;

    VisitorDecisionPrivacy(VisitorDecisions decisions, PrivacyEffects effects) {
        this.decisions = decisions;
        this.effects = effects;
    }

    /** Journals the choices before deleting them, so a redelivery after a crash still counts them. */
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        List<VisitorDecision> found = claimedBy(subject);
        int erased = effects.planned(CATEGORY, found.stream().map(decision -> decision.id).toList());
        decisions.deleteAll(found);
        return outcome(Outcome.ERASED, erased);
    }

    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        return outcome(Outcome.RESTRICTED, claimedBy(subject).size());
    }

    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        return outcome(Outcome.RESTRICTION_LIFTED, claimedBy(subject).size());
    }

    /** The person's claimed choices with their evidence; like the receipt lines, only when they hold any. */
    public void export(SubjectIdentifiers subject, PersonalDataExport.Builder export) {
        List<ExportedChoice> choices = claimedBy(subject).stream().map(d -> new ExportedChoice(true, d.analytics,
                d.advertising, d.globalPrivacyControl, d.bannerVersion, d.policyVersion, d.ipAddress, d.userAgent,
                d.recordedAt, d.claimedAt)).toList();
        if (!choices.isEmpty()) {
            export.category(CATEGORY, choices);
        }
    }

    /**
     * A line only for a person who holds claimed choices: most people never sign in from a browser with the banner's
     * cookie, and their receipts stay as they were (the ledger's lines already say what consent holds).
     */
    private static List<CategoryOutcome> outcome(Outcome outcome, int count) {
        return count == 0 ? List.of() : List.of(CategoryOutcome.counted(CATEGORY, outcome, count));
    }

    private List<VisitorDecision> claimedBy(SubjectIdentifiers subject) {
        if (Stream.of(subject.subjectIds(), subject.emailIndexes()).allMatch(List::isEmpty)) {
            return List.of();
        }
        return decisions.findClaimedBy(subject.subjectIds(), subject.emailIndexes());
    }
}
