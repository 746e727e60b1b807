package uk.alluris.consent.privacy;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.alluris.consent.ledger.LedgerPrivacy;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyActions;

/**
 * Consent's receipt for each privacy request (ARCHITECTURE.md), composed from what each feature answers for its own
 * aggregate, in receipt order. The consent ledger ({@link LedgerPrivacy}) is the only aggregate here that holds
 * personal data.
 */
@Component
class ConsentPrivacy implements PrivacyActions {

    private final LedgerPrivacy ledger;

    ConsentPrivacy(LedgerPrivacy ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        return ledger.erase(subject);
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        return ledger.restrict(subject);
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        return ledger.liftRestriction(subject);
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        return ledger.objectToMarketing(subject);
    }

    @Override
    public PersonalDataExport export(SubjectIdentifiers subject) {
        PersonalDataExport.Builder export = PersonalDataExport.builder();
        ledger.export(subject, export);
        return export.build();
    }

    @Override
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return ledger.rectify(subject, corrections);
    }
}
