package uk.alluris.consent.privacy;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.consent.cookies.VisitorDecisionPrivacy;
import uk.alluris.consent.ledger.LedgerPrivacy;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;

/**
 * Consent's receipt for each privacy request (ARCHITECTURE.md), composed from what each feature answers for its own
 * aggregate, in receipt order: the consent ledger ({@link LedgerPrivacy}), then the cookie choices visitors joined to
 * their account by signing in ({@link VisitorDecisionPrivacy}).
 */
@Component
class ConsentPrivacy implements PrivacyActions {

    private final LedgerPrivacy ledger;
    private final VisitorDecisionPrivacy cookieChoices;

    ConsentPrivacy(LedgerPrivacy ledger, VisitorDecisionPrivacy cookieChoices) {
        this.ledger = ledger;
        this.cookieChoices = cookieChoices;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        return both(ledger.erase(subject), cookieChoices.erase(subject));
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        return both(ledger.restrict(subject), cookieChoices.restrict(subject));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        return both(ledger.liftRestriction(subject), cookieChoices.liftRestriction(subject));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        return ledger.objectToMarketing(subject);
    }

    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        PersonalDataExport.Builder export = PersonalDataExport.builder();
        ledger.export(subject, export);
        cookieChoices.export(subject, export);
        return export.build();
    }

    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return ledger.rectify(subject, corrections);
    }

    private static List<CategoryOutcome> both(List<CategoryOutcome> ledger, List<CategoryOutcome> cookieChoices) {
        return Stream.concat(ledger.stream(), cookieChoices.stream()).toList();
    }
}
