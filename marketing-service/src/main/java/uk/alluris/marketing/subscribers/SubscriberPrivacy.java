package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import uk.alluris.events.CategoryOutcome;
import uk.alluris.events.Outcome;
import uk.alluris.events.SubjectIdentifiers;
import uk.alluris.kit.privacy.Widening;
import uk.alluris.kit.privacy.PrivacyEffects;

/**
 * What a privacy request does to subscribers, their list memberships and sign-ups awaiting confirmation. It acts on
 * the person as {@link #widen} found them: the request's identifiers plus their subscribers' ids and indexes.
 */
@Component
public class SubscriberPrivacy {

    public static final String SUBSCRIBERS = "subscribers";
    public static final String MEMBERSHIPS = "list-memberships";
    public static final String SUBSCRIPTIONS_EXPORT = "subscriptions";

    /** One subscription, as the person gets it back. */
    public record Subscription(String status, String email, String phone, String fullName, List<String> lists,
            List<Map<String, Object>> consents, String source, Instant subscribedAt, Instant unsubscribedAt) {
    }

    private final Subscribers subscribers;
    private final PendingSubscriptions pending;

    private final PrivacyEffects effects;

    SubscriberPrivacy(Subscribers subscribers, PendingSubscriptions pending, PrivacyEffects effects) {
        this.effects = effects;
        this.subscribers = subscribers;
        this.pending = pending;
    }

    /**
     * The request's identifiers plus the ids and indexes of every subscriber matching them (a request naming the email
     * also reaches the phone the subscriber gave, and leads and sends filed under the subscriber's id).
     */
    public SubjectIdentifiers widen(SubjectIdentifiers subject) {
        return Widening.widen(subject, subscribers.findMatching(subject.subjectUuids(), subject.emailIndexes(),
                subject.phoneIndexes()), found -> found.id().toString(), found -> found.contact);
    }

    /** Deletes the subscribers and every sign-up under their indexes; counts awaiting sign-ups as subscribers. */
    public List<CategoryOutcome> erase(SubjectIdentifiers person) {
        List<Subscriber> found = found(person);
        List<PendingSubscription> signUps = signUps(person);
        // journalled before anything changes: a redelivery after a crash counts what this request found
        int erased = effects.planned(SUBSCRIBERS, Stream.concat(found.stream().map(Subscriber::id),
                signUps.stream().filter(p -> p.confirmedAt() == null).map(PendingSubscription::id)).toList());
        int memberships = effects.planned(MEMBERSHIPS,
                found.stream().flatMap(s -> s.lists().stream().map(list -> s.id() + "/" + list)).toList());
        pending.deleteAll(signUps);
        subscribers.deleteAll(found);
        return List.of(CategoryOutcome.counted(SUBSCRIBERS, Outcome.ERASED, erased),
                CategoryOutcome.counted(MEMBERSHIPS, Outcome.ERASED, memberships));
    }

    /** The subscribers counted under this outcome (a restriction or its lifting changes nothing here). */
    public CategoryOutcome counted(SubjectIdentifiers person, Outcome outcome) {
        return CategoryOutcome.counted(SUBSCRIBERS, outcome, found(person).size());
    }

    /** Unsubscribes everywhere (consents dropped) and forgets sign-ups not yet confirmed. */
    public CategoryOutcome objectToMarketing(SubjectIdentifiers person, Instant now) {
        int left = 0;
        for (Subscriber subscriber : found(person)) {
            left += subscriber.unsubscribeEverywhere(now);
            subscribers.save(subscriber);
        }
        pending.deleteAll(signUps(person).stream().filter(p -> p.confirmedAt() == null).toList());
        return CategoryOutcome.counted(MEMBERSHIPS, Outcome.WITHDRAWN, left);
    }

    /** Subscriptions, confirmed or awaiting confirmation. */
    public List<Subscription> export(SubjectIdentifiers person) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Subscriber s : found(person)) {
            List<Map<String, Object>> consents = new ArrayList<>();
            s.consents().forEach((channel, consent) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("channel", channel.wireName());
                one.put("source", consent.source());
                one.put("formId", consent.formId());
                one.put("grantedAt", consent.grantedAt());
                consents.add(one);
            });
            subscriptions.add(new Subscription(s.optedOutAt() != null ? "unsubscribed" : "subscribed", s.email(),
                    s.phone(), s.fullName(), s.lists(), consents, s.source(), s.subscribedAt(), s.unsubscribedAt()));
        }
        for (PendingSubscription p : signUps(person)) {
            if (p.confirmedAt() == null) {
                subscriptions.add(new Subscription("awaiting-confirmation", p.email(), p.phone(), p.fullName(),
                        p.lists(), List.of(), "double-opt-in", p.requestedAt(), null));
            }
        }
        return subscriptions;
    }

    /** Applies the corrected details to every subscriber and waiting sign-up; returns how many changed. */
    public int rectify(SubjectIdentifiers person, Enrolment.Contact correction) {
        int rectified = 0;
        for (Subscriber s : found(person)) {
            if (s.rectify(correction)) {
                subscribers.save(s);
                rectified++;
            }
        }
        for (PendingSubscription p : signUps(person)) {
            if (p.rectify(correction)) {
                pending.save(p);
                rectified++;
            }
        }
        return rectified;
    }

    /** Identifies each subscriber to the rectification guard, as {@code subscriber:<id>}. */
    public List<String> holderIds(SubjectIdentifiers person) {
        return found(person).stream().map(SubscriberPrivacy::holderId).toList();
    }

    public List<String> emailHolders(String emailIndex) {
        return subscribers.findByEmailIndex(emailIndex).stream().map(SubscriberPrivacy::holderId).toList();
    }

    public List<String> phoneHolders(String phoneIndex) {
        return subscribers.findByPhoneIndex(phoneIndex).stream().map(SubscriberPrivacy::holderId).toList();
    }

    /** The ids of the person's subscribers (a restriction registered under them follows them). */
    public List<String> subscriberIds(SubjectIdentifiers person) {
        return found(person).stream().map(s -> s.id().toString()).toList();
    }

    /** The person's subscribers: {@link #widen} put every one's id among the person's. */
    private List<Subscriber> found(SubjectIdentifiers person) {
        List<Subscriber> found = new ArrayList<>();
        subscribers.findAllById(person.subjectUuids()).forEach(found::add);
        return found;
    }

    private List<PendingSubscription> signUps(SubjectIdentifiers person) {
        return pending.findMatching(person.emailIndexes(), person.phoneIndexes());
    }

    private static String holderId(Subscriber subscriber) {
        return "subscriber:" + subscriber.id();
    }

}
