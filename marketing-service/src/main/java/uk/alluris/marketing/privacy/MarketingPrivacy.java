package uk.alluris.marketing.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.PrivacyActions;
import uk.alluris.kit.privacy.Restrictions;
import uk.alluris.marketing.subscribers.Subscriber;
import uk.alluris.marketing.subscribers.Subscribers;
import uk.alluris.marketing.suppression.SuppressionEntry;
import uk.alluris.marketing.suppression.SuppressionList;

/**
 * What marketing does for each privacy request (ARCHITECTURE.md): erasure removes the subscriber and their list
 * memberships and suppresses their blind indexes; an objection unsubscribes everywhere and suppresses; a
 * restriction keeps the person from being added or sent anything until it is lifted.
 * <p>
 * Each action writes the suppression entries before it deletes or unsubscribes, and every write is keyed by a blind
 * index or a subscriber id: a request handled again after a crash finishes the job without doing anything twice.
 */
@Component
class MarketingPrivacy implements PrivacyActions {

    static final String SUBSCRIBERS = "subscribers";
    static final String MEMBERSHIPS = "list-memberships";
    static final String SUPPRESSION = "suppression-list";
    static final String SUPPRESSION_GROUND =
            "Legitimate interests and PECR: a blind index kept so the person is never marketed to again";

    private final Subscribers subscribers;
    private final SuppressionList suppression;
    private final Restrictions restrictions;
    private final Clock clock;

    MarketingPrivacy(Subscribers subscribers, SuppressionList suppression, Restrictions restrictions, Clock clock) {
        this.subscribers = subscribers;
        this.suppression = suppression;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    @Override
    public List<CategoryOutcome> erase(SubjectIdentifiers subject) {
        List<Subscriber> found = matching(subject);
        int memberships = found.stream().mapToInt(s -> s.lists().size()).sum();
        int suppressed = suppressAll(subject, found, SuppressionEntry.Reason.ERASURE);
        subscribers.deleteAll(found);
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.ERASED, found.size()), CategoryOutcome.counted(MEMBERSHIPS, Outcome.ERASED, memberships),
                CategoryOutcome.retained(SUPPRESSION, suppressed, SUPPRESSION_GROUND, null));
    }

    /**
     * Registers the restriction and suppresses the request's indexes while it lasts, so whatever sends marketing
     * (campaigns, lead follow-ups) finds the person on the one list it checks. Subscribers are kept, untouched.
     */
    @Override
    public List<CategoryOutcome> restrict(SubjectIdentifiers subject) {
        restrictions.restrict(subject);
        suppression.suppress(subject.emailIndexes(), subject.phoneIndexes(), SuppressionEntry.Reason.RESTRICTION);
        // keeps the restriction entries a mirror of the register (an identifier it did not take is not kept)
        suppression.releaseLiftedRestrictions();
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.RESTRICTED, matching(subject).size()));
    }

    /** Lifts the restriction and its suppression entries; an erasure's or an objection's entries stay. */
    @Override
    public List<CategoryOutcome> liftRestriction(SubjectIdentifiers subject) {
        restrictions.lift(subject);
        suppression.releaseLiftedRestrictions();
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.RESTRICTION_LIFTED, matching(subject).size()));
    }

    @Override
    public List<CategoryOutcome> objectToMarketing(SubjectIdentifiers subject) {
        Instant now = clock.instant();
        List<Subscriber> found = matching(subject);
        int left = 0;
        for (Subscriber subscriber : found) {
            left += subscriber.unsubscribeEverywhere(now);
            subscribers.save(subscriber);
        }
        int suppressed = suppressAll(subject, found, SuppressionEntry.Reason.OBJECTION);
        return List.of(CategoryOutcome.counted(MEMBERSHIPS, Outcome.WITHDRAWN, left),
                CategoryOutcome.retained(SUPPRESSION, suppressed, SUPPRESSION_GROUND, null));
    }

    /**
     * Suppresses the request's identifiers and any the matching subscribers had besides (a request naming the email
     * still suppresses the phone the subscriber gave); returns how many indexes are suppressed.
     */
    private int suppressAll(SubjectIdentifiers subject, List<Subscriber> found, SuppressionEntry.Reason reason) {
        List<String> emails = Stream.concat(subject.emailIndexes().stream(), found.stream().map(Subscriber::emailIndex))
                .filter(Objects::nonNull).distinct().toList();
        List<String> phones = Stream.concat(subject.phoneIndexes().stream(), found.stream().map(Subscriber::phoneIndex))
                .filter(Objects::nonNull).distinct().toList();
        suppression.suppress(emails, phones, reason);
        return emails.size() + phones.size();
    }

    private List<Subscriber> matching(SubjectIdentifiers subject) {
        return subscribers.findMatching(subject.subjectUuids(), subject.emailIndexes(), subject.phoneIndexes());
    }
}
