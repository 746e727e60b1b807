package uk.alluris.consent.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.PersonalDataExport;
import uk.alluris.kit.privacy.PrivacyEffects;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.privacy.Widening;

/**
 * What the consent ledger answers to each privacy request (ARCHITECTURE.md, consent): erasure removes personal data
 * from every entry and keeps the pseudonymous proof of each decision; an objection withdraws every marketing purpose;
 * a restriction stops new consents being used until it is lifted. An access or portability request gets the ledger
 * history and the current state per purpose; rectification corrects nothing here (see {@link #rectify}). The
 * service's privacy package composes these answers into the receipt.
 */
@Component
public class LedgerPrivacy {

    static final String PERSONAL_DATA = "consent-personal-data";
    static final String PROOF = "consent-proof";
    static final String CONSENTS = "consents";
    static final String MARKETING_CONSENTS = "marketing-consents";
    static final String HISTORY = "consent-history";
    static final String CURRENT_STATE = "consent-current-state";
    static final String LEDGER = "consent-ledger";
    static final String PROOF_GROUND =
            "Legal obligation (UK GDPR Art. 7(1), PECR): pseudonymous proof of each consent and withdrawal";
    static final String SOURCE_OF_THE_REQUEST = "privacy-request";
    static final String OBJECTION_NOTE = "objection to marketing via privacy request";

    private final LedgerEntries entries;
    private final Ledger ledger;
    private final Restrictions restrictions;
    private final Clock clock;
    private final PrivacyEffects effects;

    LedgerPrivacy(LedgerEntries entries, Ledger ledger, Restrictions restrictions, Clock clock,
            PrivacyEffects effects) {
        this.effects = effects;
        this.entries = entries;
        this.ledger = ledger;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /**
     * Erases the personal data of every entry about the person and reports the proof that stays: consent law requires
     * the clinic to be able to show each consent and withdrawal, so the pseudonymous entries are retained six years.
     * Entries already erased are counted as retained proof only, so running it again erases nothing more.
     */
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        List<LedgerEntry> found = matching(subject);
        List<LedgerEntry> toErase = found.stream().filter(entry -> entry.erasedAt() == null).toList();
        // journalled before anything changes: a redelivery after a crash counts what this request found
        int erased = effects.planned(PERSONAL_DATA, toErase.stream().map(LedgerEntry::id).toList());
        int proof = effects.planned(PROOF, found.stream().map(LedgerEntry::id).toList());
        toErase.forEach(ledger::erasePersonalData);
        LocalDate until = LocalDate.now(clock.withZone(ZoneId.of("Europe/London"))).plusYears(6);
        return List.of(CategoryOutcome.counted(PERSONAL_DATA, Outcome.ERASED, erased), proof == 0
                ? CategoryOutcome.of(PROOF, Outcome.NOT_HELD, 0)
                : CategoryOutcome.retained(PROOF, proof, PROOF_GROUND, until));
    }

    /** Registers the restriction under every identifier the ledger links to the person; the ledger then refuses new grants. */
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        List<LedgerEntry> found = matching(subject);
        restrictions.restrict(everyIdentifier(subject, found));
        return List.of(CategoryOutcome.counted(CONSENTS, Outcome.RESTRICTED, found.size()));
    }

    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        List<LedgerEntry> found = matching(subject);
        restrictions.lift(everyIdentifier(subject, found));
        return List.of(CategoryOutcome.counted(CONSENTS, Outcome.RESTRICTION_LIFTED, found.size()));
    }

    /**
     * Appends a withdrawal for every marketing purpose currently granted, under the person's identifiers (and their
     * email when an earlier entry still holds it); a second run finds nothing granted and appends nothing.
     */
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        List<LedgerEntry> history = matching(subject);
        String subjectId = latest(history, LedgerEntry::subjectId)
                .orElse(subject.subjectIds().isEmpty() ? null : subject.subjectIds().get(0));
        String emailIndex = latest(history, LedgerEntry::emailIndex)
                .orElse(subject.emailIndexes().isEmpty() ? null : subject.emailIndexes().get(0));
        String email = latest(history, LedgerEntry::email).orElse(null);
        int withdrawn = 0;
        for (Map.Entry<String, Ledger.PurposeState> purpose : Ledger.current(history).entrySet()) {
            if (purpose.getValue().granted() && Purposes.MARKETING.contains(purpose.getKey())) {
                ledger.record(subjectId, emailIndex, email, purpose.getKey(), false, purpose.getValue().policyVersion(),
                        Channel.PRIVACY_REQUEST, new Evidence(SOURCE_OF_THE_REQUEST, null, null, null, null, OBJECTION_NOTE));
                withdrawn++;
            }
        }
        return List.of(CategoryOutcome.counted(MARKETING_CONSENTS, Outcome.WITHDRAWN, withdrawn));
    }

    /**
     * Adds the person's whole ledger history — every grant and withdrawal with its purpose, channel, policy version,
     * evidence, time and digest (entries whose personal data was erased say so) — and the decision in force per
     * purpose. The ledger holds nothing about anyone else in a person's entries.
     */
    public void export(SubjectIdentifiers subject, PersonalDataExport.Builder export) {
        List<LedgerEntry> history = matching(subject);
        List<ConsentExport.Decision> decisions = history.stream().map(LedgerPrivacy::decision).toList();
        List<ConsentExport.CurrentState> current = Ledger.current(history).entrySet().stream()
                .map(state -> new ConsentExport.CurrentState(state.getKey(), state.getValue().granted(),
                        state.getValue().since(), state.getValue().policyVersion(), state.getValue().channel().name()))
                .toList();
        export.category(HISTORY, decisions).category(CURRENT_STATE, current);
    }

    /**
     * Nothing to correct, so one {@code NOT_HELD} line (ARCHITECTURE.md: rectification in consent is "—"). The ledger
     * holds no name, phone number or date of birth, and the only identity detail it keeps in readable form — the email
     * recorded with a decision — is part of that decision's evidence: the address the consent was given from, as it
     * was then, covered by the entry's evidence digest. The ledger is append-only proof, so rewriting it would destroy
     * exactly what it exists to show; a correction does not make the old record inaccurate as a record of what was
     * given. New decisions are recorded under the corrected details, and the person stays linked by subject id.
     */
    public List<CategoryOutcome> rectify(SubjectIdentifiers subject, Corrections corrections) {
        return List.of(CategoryOutcome.of(LEDGER, Outcome.NOT_HELD, 0));
    }

    private static ConsentExport.Decision decision(LedgerEntry entry) {
        String note = entry.erasedAt() != null ? ConsentExport.ERASED
                : entry.heldUnderRestriction() ? ConsentExport.HELD : null;
        return new ConsentExport.Decision(entry.id(), entry.purpose(), entry.granted() ? "granted" : "withdrawn",
                entry.channel().name(), entry.policyVersion(), entry.email(), entry.evidence(), entry.recordedAt(),
                entry.evidenceDigest(), !entry.heldUnderRestriction(), entry.erasedAt(), note);
    }

    /** The identifier as the person's most recent entry that has one holds it. */
    private static Optional<String> latest(List<LedgerEntry> history, Function<LedgerEntry, String> identifier) {
        return history.stream().map(identifier).filter(Objects::nonNull).reduce((earlier, later) -> later);
    }

    /** Entries matching any identifier, and every entry under a subject id those entries carry. */
    private List<LedgerEntry> matching(SubjectIdentifiers subject) {
        List<LedgerEntry> direct = entries.findMatching(subject.subjectIds(), subject.emailIndexes(),
                subject.phoneIndexes());
        List<String> subjectIds = Stream.concat(subject.subjectIds().stream(),
                direct.stream().map(LedgerEntry::subjectId)).filter(Objects::nonNull).distinct().toList();
        return entries.findMatching(subjectIds, subject.emailIndexes(), subject.phoneIndexes());
    }

    /** The request's identifiers plus those the person's entries carry: the kit's one widening rule. */
    private static SubjectIdentifiers everyIdentifier(SubjectIdentifiers subject, List<LedgerEntry> found) {
        return Widening.widen(subject, found, LedgerEntry::subjectId, LedgerEntry::emailIndex, LedgerEntry::phoneIndex);
    }
}
