package uk.alluris.records.subjects;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.identity.BlindIndexer;
import uk.alluris.kit.privacy.Corrections;
import uk.alluris.kit.privacy.IdentifierClaims;
import uk.alluris.kit.privacy.Restrictions;

/**
 * What a privacy request does to the clinical subject (who the records are about): found by every identifier the
 * request names, held until the retention date after an erasure request, its identity corrected on rectification,
 * exported as the person knows it.
 */
@Component
public class SubjectPrivacy {

    public static final String SUBJECT = "clinical-subject";
    public static final String IDENTITY = "clinical-subject-identity";
    static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final Logger log = LoggerFactory.getLogger(SubjectPrivacy.class);

    /** The {@code clinical-subject} category: who the records are about, as this service knows them. */
    public record Exported(String subjectId, LocalDate dateOfBirth, String contactDetails, LocalDate lastEntryOn,
            boolean processingRestricted, LocalDate keptUntil, java.time.Instant recordsErasedAt, String note) {
    }

    public static final String CONTACT_DETAILS = "Your email address and phone number are not stored here in readable "
            + "form: only as keyed hashes (blind indexes) used to find your records.";
    public static final String SHREDDED = "Your clinical records here were erased by destroying their encryption key "
            + "(crypto-shredding): nothing of them can be read or exported any more.";

    private final ClinicalSubjects subjects;
    private final Restrictions restrictions;
    private final BlindIndexer indexer;
    private final Clock clock;

    SubjectPrivacy(ClinicalSubjects subjects, Restrictions restrictions, BlindIndexer indexer, Clock clock) {
        this.subjects = subjects;
        this.restrictions = restrictions;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** Every subject matching any of the request's identifiers, erased ones included. */
    public List<ClinicalSubject> matching(SubjectIdentifiers subject) {
        return subjects.findMatching(subject.subjectIds(), subject.emailIndexes(), subject.phoneIndexes());
    }

    /** The matching subjects whose records still exist (their key not destroyed). */
    public List<ClinicalSubject> live(SubjectIdentifiers subject) {
        return matching(subject).stream().filter(found -> !found.erased()).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CLINIC));
    }

    /** Keeps the subject's records, restricted, until this date: the erasure asked for waits for it. */
    public void holdForRetention(ClinicalSubject subject, LocalDate until) {
        subject.holdForRetention(until);
        subjects.save(subject);
    }

    /** The subjects whose records were held until a day now past. */
    public List<ClinicalSubject> heldUntilBefore(LocalDate day) {
        return subjects.findByErasureDueOnLessThanEqual(day.minusDays(1));
    }

    /**
     * The subjects whose records have passed their retention date by {@code day}: held after an erasure request, or
     * never asked about but last written to longer ago than {@link RetentionRule} keeps them.
     */
    public List<ClinicalSubject> pastRetention(LocalDate day) {
        Map<String, ClinicalSubject> due = new LinkedHashMap<>();
        heldUntilBefore(day).forEach(subject -> due.put(subject.id(), subject));
        subjects.findByLastEntryOnLessThanAndKeyDestroyedAtIsNull(day.minusYears(RetentionRule.ADULT_YEARS)).stream()
                .filter(subject -> day.isAfter(keptUntil(subject)))
                .forEach(subject -> due.putIfAbsent(subject.id(), subject));
        return List.copyOf(due.values());
    }

    /** The last day the subject's records are kept: the date an erasure request set, else the rule's. */
    public static LocalDate keptUntil(ClinicalSubject subject) {
        return subject.erasureDueOn() != null ? subject.erasureDueOn()
                : RetentionRule.keepUntil(subject.lastEntryOn(), subject.dateOfBirth());
    }

    /** Their key is gone: the subject keeps only its id and the fact (announced as SubjectKeyDestroyed). */
    public void keyDestroyed(ClinicalSubject subject, String reason) {
        subject.keyDestroyed(clock.instant(), reason);
        subjects.save(subject);
    }

    /** The subject as the person gets it back; an erased one as exactly that. */
    public Exported export(ClinicalSubject person, boolean restricted) {
        if (person.erased()) {
            return new Exported(person.id(), null, null, person.lastEntryOn(), false, null, person.keyDestroyedAt(),
                    SHREDDED);
        }
        return new Exported(person.id(), person.dateOfBirth(), CONTACT_DETAILS, person.lastEntryOn(), restricted,
                person.erasureDueOn(), null, null);
    }

    /**
     * Corrects the identity fields records holds: the date of birth, and the email and phone as their blind indexes
     * (this service never stores them readable, nor a name — a name-only correction finds nothing held). A corrected
     * date of birth moves a retention date already set, by the same rule. An email address or phone number another
     * subject already holds is not applied (the kit's {@link IdentifierClaims}); the other corrections still are. A
     * restricted person stays restricted under their new details. A value that cannot be normalised changes nothing
     * and fails the request (retried, then parked in the DLQ).
     */
    public CategoryOutcome rectify(SubjectIdentifiers subject, Corrections corrections) {
        String emailIndex = corrections.email() == null ? null : indexer.email(corrections.email());
        String phoneIndex = corrections.phone() == null ? null : indexer.phone(corrections.phone());
        LocalDate dateOfBirth = corrections.dateOfBirth();
        if (dateOfBirth != null && !dateOfBirth.isBefore(today())) {
            throw new IllegalArgumentException("a corrected date of birth must be in the past");
        }
        List<ClinicalSubject> found = live(subject);
        Set<String> theirs = found.stream().map(ClinicalSubject::id).collect(Collectors.toSet());
        IdentifierClaims.Applicable applicable = IdentifierClaims.unclaimed(emailIndex, phoneIndex, theirs,
                index -> ids(subjects.findByEmailIndex(index)), index -> ids(subjects.findByPhoneIndex(index)));
        if (!applicable.refused().isEmpty()) {
            log.warn("rectification: corrected {} is another subject's; left unchanged on {} subject(s)",
                    applicable.refused(), found.size());
        }
        emailIndex = applicable.emailIndex();
        phoneIndex = applicable.phoneIndex();
        if (emailIndex == null && phoneIndex == null && dateOfBirth == null) {
            return CategoryOutcome.counted(IDENTITY, Outcome.RECTIFIED, 0);
        }
        for (ClinicalSubject person : found) {
            boolean restricted = restrictions.isRestricted(subject)
                    || restrictions.isRestricted(person.id(), person.emailIndex(), person.phoneIndex());
            person.correctIdentity(emailIndex, phoneIndex, dateOfBirth);
            if (dateOfBirth != null && person.heldForRetention() && person.lastEntryOn() != null) {
                person.holdForRetention(RetentionRule.keepUntil(person.lastEntryOn(), dateOfBirth));
            }
            subjects.save(person);
            if (restricted) {
                restrictions.restrict(new SubjectIdentifiers(List.of(person.id()), listOfNullable(person.emailIndex()),
                        listOfNullable(person.phoneIndex())));
            }
        }
        return CategoryOutcome.counted(IDENTITY, Outcome.RECTIFIED, found.size());
    }

    private static List<String> ids(List<ClinicalSubject> holders) {
        return holders.stream().map(ClinicalSubject::id).toList();
    }

    private static List<String> listOfNullable(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
