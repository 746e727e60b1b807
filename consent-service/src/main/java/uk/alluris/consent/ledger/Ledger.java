package uk.alluris.consent.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;

/** Appends decisions to the ledger and reads a person's current state and history from it. */
@Service
public class Ledger {

    /** The state of one purpose: the latest decision about it. */
    public record PurposeState(boolean granted, Instant since, String policyVersion, Channel channel) {
    }

    private final LedgerEntries entries;
    private final Restrictions restrictions;
    private final Clock clock;

    Ledger(LedgerEntries entries, Restrictions restrictions, Clock clock) {
        this.entries = entries;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /**
     * Appends one decision. The person is whoever the subject id or blind index names, with the subject id already
     * known for them reused (or a new one minted). While the person is restricted, a new grant is refused: no new
     * consent is used for processing. Withdrawals are always accepted.
     */
    public LedgerEntry record(String subjectId, String emailIndex, String email, String purpose, boolean granted,
            String policyVersion, Channel channel, Evidence evidence) {
        String subject = subjectId != null ? subjectId : history(null, emailIndex).stream().map(LedgerEntry::subjectId)
                .filter(Objects::nonNull).findFirst().orElseGet(() -> UUID.randomUUID().toString());
        if (granted && restrictions.isRestricted(subject, emailIndex, null)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "processing of this person's data is restricted: no new consents are used for processing");
        }
        return entries.save(LedgerEntry.record(subject, emailIndex, email, purpose, granted, policyVersion, channel,
                evidence == null ? null : evidence.anonymised(), clock.instant()));
    }

    public List<LedgerEntry> history(String subjectId, String emailIndex) {
        return entries.findMatching(subjectId == null ? List.of() : List.of(subjectId),
                emailIndex == null ? List.of() : List.of(emailIndex));
    }

    public static Map<String, PurposeState> current(List<LedgerEntry> history) {
        Map<String, PurposeState> current = new LinkedHashMap<>();
        history.forEach(entry -> current.put(entry.purpose(),
                new PurposeState(entry.granted(), entry.recordedAt(), entry.policyVersion(), entry.channel())));
        return current;
    }

    public boolean isRestricted(String subjectId, String emailIndex) {
        return restrictions.isRestricted(subjectId, emailIndex, null);
    }
}
