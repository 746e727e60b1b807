package uk.alluris.consent.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.kit.problem.ProblemException;

/** Appends decisions to the ledger and reads a person's current state and history from it. */
@Service
public class Ledger {

    /** The state of one purpose: the latest decision about it. */
    record PurposeState(
            @Schema(description = "true while consent is given, false once withdrawn", example = "true")
            boolean granted,
            @Schema(description = "When the decision in force was recorded (ISO-8601 instant, UTC)",
                    example = "2026-12-03T10:30:00Z") Instant since,
            @Schema(description = "The privacy policy version in force when it was recorded", example = "2027-01")
            String policyVersion,
            @Schema(description = "How the decision reached the clinic", example = "WEB") Channel channel) {
    }

    private final LedgerEntries entries;
    private final MongoTemplate mongo;
    private final Restrictions restrictions;
    private final Clock clock;

    Ledger(LedgerEntries entries, MongoTemplate mongo, Restrictions restrictions, Clock clock) {
        this.entries = entries;
        this.mongo = mongo;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /**
     * Appends one decision. The person is whoever the subject id or blind index names, with the subject id already
     * known for them reused (or a new one minted). While the person is restricted — under any identifier the ledger
     * knows for them — a new grant is refused: no new consent is used for processing. Withdrawals are always
     * accepted. Each entry is timed after the person's previous one, so their history has one order.
     */
    LedgerEntry record(String subjectId, String emailIndex, String email, String purpose, boolean granted,
            String policyVersion, Channel channel, Evidence evidence) {
        List<LedgerEntry> history = history(subjectId, emailIndex);
        String subject = subjectId != null ? subjectId : history.stream().map(LedgerEntry::subjectId)
                .filter(Objects::nonNull).findFirst().orElseGet(() -> UUID.randomUUID().toString());
        if (granted && isRestricted(subject, emailIndex, history)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Restricted",
                    "no new consents are used for processing while restricted");
        }
        return entries.save(LedgerEntry.record(subject, emailIndex, email, purpose, granted, policyVersion, channel,
                evidence == null ? null : evidence.anonymised(), nextTime(history)));
    }

    /**
     * Appends a grant marketing captured for one purpose, with its evidence, under {@code entryId} (derived from the
     * capture, so that recording the same capture again — a redelivery, a replay after a crash — adds nothing and
     * returns false). The person is whoever the subject id or blind indexes name, as in {@link #record}. Unlike a grant
     * asked through the API, one captured while the person is restricted is not refused: what the person said is kept
     * as evidence, but held — not announced, never the current state of the purpose, and not revived when the
     * restriction is lifted (a new grant is needed then). Returns whether this call recorded it.
     */
    public boolean recordCaptured(UUID entryId, String subjectId, String emailIndex, String phoneIndex,
            String purpose, boolean granted, String policyVersion, Channel channel, Evidence evidence) {
        if (entries.existsById(entryId)) {
            return false;
        }
        List<LedgerEntry> history = entries.findMatching(listOf(subjectId), listOf(emailIndex), listOf(phoneIndex));
        String subject = subjectId != null ? subjectId : history.stream().map(LedgerEntry::subjectId)
                .filter(Objects::nonNull).findFirst().orElseGet(() -> UUID.randomUUID().toString());
        boolean restricted = isRestricted(subject, emailIndex, history)
                || (phoneIndex != null && restrictions.isRestricted(null, null, phoneIndex));
        LedgerEntry entry = LedgerEntry.captured(entryId, subject, emailIndex, phoneIndex, purpose, granted,
                policyVersion, channel, evidence == null ? null : evidence.anonymised(), nextTime(history), restricted);
        try {
            entries.insert(entry);
            return true;
        } catch (DuplicateKeyException recordedMeanwhile) {
            return false;
        }
    }

    /** The subject id the ledger knows for the person behind this email blind index, if any. */
    public Optional<String> subjectIdOf(String emailIndex) {
        return history(null, emailIndex).stream().map(LedgerEntry::subjectId).filter(Objects::nonNull).findFirst();
    }

    private static List<String> listOf(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /**
     * Removes the personal data of one entry — the email and the evidence (anonymised IP, user agent, free text) — and
     * keeps the pseudonymous proof: blind index, subject id, purpose, decision, policy version, channel, time and
     * digest. Only an entry not yet erased is touched, in one targeted update that leaves its outbox to the relay;
     * returns whether this call erased it.
     */
    boolean erasePersonalData(LedgerEntry entry) {
        Query notYetErased = new Query(where("_id").is(entry.id()).and("erasedAt").is(null));
        Update erase = new Update().unset("email").unset("evidence").set("erasedAt", clock.instant());
        return mongo.updateFirst(notYetErased, erase, LedgerEntry.class).getModifiedCount() > 0;
    }

    /** Every entry about the person, by subject id or email blind index (either may be null), oldest first. */
    List<LedgerEntry> history(String subjectId, String emailIndex) {
        if (subjectId == null && emailIndex == null) {
            return List.of();
        }
        return entries.findMatching(subjectId == null ? List.of() : List.of(subjectId),
                emailIndex == null ? List.of() : List.of(emailIndex));
    }

    /**
     * The latest decision per purpose, from a history ordered oldest first. A grant held under restriction is
     * evidence only and never the current state.
     */
    static Map<String, PurposeState> current(List<LedgerEntry> history) {
        Map<String, PurposeState> current = new LinkedHashMap<>();
        history.stream().filter(entry -> !entry.heldUnderRestriction()).forEach(entry -> current.put(entry.purpose(),
                new PurposeState(entry.granted(), entry.recordedAt(), entry.policyVersion(), entry.channel())));
        return current;
    }

    /** Whether the person is restricted under these identifiers or any other the ledger holds for them. */
    boolean isRestricted(String subjectId, String emailIndex) {
        return isRestricted(subjectId, emailIndex, history(subjectId, emailIndex));
    }

    private boolean isRestricted(String subjectId, String emailIndex, List<LedgerEntry> history) {
        List<String> subjectIds = known(subjectId, history, LedgerEntry::subjectId);
        List<String> emailIndexes = known(emailIndex, history, LedgerEntry::emailIndex);
        if (subjectIds.isEmpty() && emailIndexes.isEmpty()) {
            return false;
        }
        return restrictions.isRestricted(new SubjectIdentifiers(subjectIds, emailIndexes, List.of()));
    }

    private static List<String> known(String given, Collection<LedgerEntry> history,
            Function<LedgerEntry, String> identifier) {
        return Stream.concat(Stream.of(given), history.stream().map(identifier)).filter(Objects::nonNull).distinct()
                .toList();
    }

    /** Now, to the millisecond as stored, but never before or at the person's latest entry. */
    private Instant nextTime(List<LedgerEntry> history) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant latest = history.stream().map(LedgerEntry::recordedAt).max(Instant::compareTo).orElse(null);
        return latest != null && !now.isAfter(latest) ? latest.plusMillis(1) : now;
    }
}
