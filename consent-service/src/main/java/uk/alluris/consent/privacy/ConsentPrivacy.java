package uk.alluris.consent.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import uk.alluris.consent.ledger.Channel;
import uk.alluris.consent.ledger.Evidence;
import uk.alluris.consent.ledger.Ledger;
import uk.alluris.consent.ledger.LedgerEntries;
import uk.alluris.consent.ledger.LedgerEntry;
import uk.alluris.consent.ledger.Purposes;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What the consent ledger does for each privacy request (ARCHITECTURE.md): erasure removes personal data from every
 * entry and keeps the pseudonymous proof of each decision; an objection withdraws every marketing purpose; a
 * restriction stops new consents being used until it is lifted.
 */
@Component
class ConsentPrivacy implements PrivacyActions {

    static final String PERSONAL_DATA = "consent-personal-data";
    static final String PROOF = "consent-proof";
    static final String CONSENTS = "consents";
    static final String MARKETING_CONSENTS = "marketing-consents";
    static final String PROOF_GROUND =
            "Legal obligation (UK GDPR Art. 7(1), PECR): pseudonymous proof of each consent and withdrawal";
    static final String POLICY_OF_THE_REQUEST = "privacy-request";

    private final LedgerEntries entries;
    private final Ledger ledger;
    private final Restrictions restrictions;
    private final Clock clock;

    ConsentPrivacy(LedgerEntries entries, Ledger ledger, Restrictions restrictions, Clock clock) {
        this.entries = entries;
        this.ledger = ledger;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        List<LedgerEntry> found = matching(subject);
        int erased = 0;
        for (LedgerEntry entry : found) {
            if (entry.erasePersonalData(now)) {
                entries.save(entry);
                erased++;
            }
        }
        LocalDate until = LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).plusYears(6);
        return List.of(counted(PERSONAL_DATA, Outcome.ERASED, erased), found.isEmpty()
                ? CategoryOutcome.of(PROOF, Outcome.NOT_HELD, 0)
                : CategoryOutcome.retained(PROOF, found.size(), PROOF_GROUND, until));
    }

    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        return List.of(counted(CONSENTS, Outcome.RESTRICTED, matching(subject).size()));
    }

    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        return List.of(counted(CONSENTS, Outcome.RESTRICTION_LIFTED, matching(subject).size()));
    }

    /** Appends a withdrawal for every marketing purpose currently granted. */
    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        List<LedgerEntry> history = matching(subject);
        if (history.isEmpty()) {
            return List.of(CategoryOutcome.of(MARKETING_CONSENTS, Outcome.NOT_HELD, 0));
        }
        LedgerEntry latest = history.get(history.size() - 1);
        String email = history.stream().map(LedgerEntry::email).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        int withdrawn = 0;
        for (Map.Entry<String, Ledger.PurposeState> purpose : Ledger.current(history).entrySet()) {
            if (purpose.getValue().granted() && Purposes.MARKETING.contains(purpose.getKey())) {
                ledger.record(latest.subjectId(), latest.emailIndex(), email, purpose.getKey(), false,
                        purpose.getValue().policyVersion(), Channel.PRIVACY_REQUEST,
                        new Evidence(POLICY_OF_THE_REQUEST, null, null, null, null,
                                "objection to marketing via a verified privacy request"));
                withdrawn++;
            }
        }
        return List.of(counted(MARKETING_CONSENTS, Outcome.WITHDRAWN, withdrawn));
    }

    /** Entries matching any identifier, and every entry under a subject id those entries carry. */
    private List<LedgerEntry> matching(SubjectIdentifiers subject) {
        List<LedgerEntry> direct = entries.findMatching(subject.subjectIds(), subject.emailIndexes());
        List<String> subjectIds = java.util.stream.Stream.concat(subject.subjectIds().stream(),
                direct.stream().map(LedgerEntry::subjectId)).filter(Objects::nonNull).distinct().toList();
        return entries.findMatching(subjectIds, subject.emailIndexes());
    }

    private static CategoryOutcome counted(String category, Outcome outcome, int count) {
        return CategoryOutcome.of(category, count == 0 ? Outcome.NOT_HELD : outcome, count);
    }
}
