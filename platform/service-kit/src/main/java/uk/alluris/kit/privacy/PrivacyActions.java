package uk.alluris.kit.privacy;

import java.util.List;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.SubjectIdentifiers;

/**
 * What one data-holding service does for each kind of privacy request, per the table in docs/privacy-requests.md. Each
 * service implements this once, in its {@code privacy} package; the kit receives the requests, keeps each receipt
 * and sends it back. Every method must be safe to run twice for the same person: it acts on what is still there.
 * The returned receipt names every category the service holds, with {@code NOT_HELD} where it holds nothing.
 */
public interface PrivacyActions {

    List<CategoryOutcome> erase(SubjectIdentifiers subject);

    List<CategoryOutcome> restrict(SubjectIdentifiers subject);

    List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject);

    List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject);

    /**
     * Access and portability: everything this service holds on the person, decrypted, with third parties' personal
     * data redacted. The kit seals it to the request's key before it leaves.
     */
    PersonalDataExport export(SubjectIdentifiers subject);

    /**
     * Rectification: applies each correction to every record of the person that holds that field (and the blind
     * indexes that follow from it); {@code RECTIFIED} with a count per category changed, {@code NOT_HELD} otherwise.
     */
    List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections);
}
