package uk.alluris.marketing.subscribers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.kit.retention.RetainedCategory;
import uk.alluris.kit.retention.RetentionDay;

/**
 * A subscriber with no activity for the register's period ({@code subscribers}): their last subscription, consent,
 * unsubscription or opt-out is that old. The subscriber and their list memberships go; they are not put on the
 * suppression list (they asked for nothing: signing up again is theirs to do), and the suppression list itself is
 * never ended by retention.
 */
@Component
class InactiveSubscriberRetention implements RetainedCategory {

    private final MongoTemplate mongo;

    InactiveSubscriberRetention(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String category() {
        return SubscriberPrivacy.SUBSCRIBERS;
    }

    @Override
    public long eraseEnded(RetentionDay day) {
        List<Subscriber> ended = ended(day);
        ended.forEach(subscriber -> mongo.remove(Query.query(Criteria.where("_id").is(subscriber.id)), Subscriber.class));
        return ended.size();
    }

    @Override
    public Ending ending(RetentionDay day) {
        List<Subscriber> ended = ended(day);
        return Ending.stamped(ended.size(),
                ended.stream().map(InactiveSubscriberRetention::lastActivity).min(Comparable::compareTo), day);
    }

    private List<Subscriber> ended(RetentionDay day) {
        Instant before = day.endedBefore();
        return mongo.find(Query.query(Criteria.where("subscribedAt").lt(before)), Subscriber.class).stream()
                .filter(subscriber -> lastActivity(subscriber).isBefore(before)).toList();
    }

    static Instant lastActivity(Subscriber subscriber) {
        return Stream.concat(Stream.of(subscriber.subscribedAt, subscriber.unsubscribedAt, subscriber.optedOutAt),
                        subscriber.consents.values().stream().map(ChannelConsent::grantedAt))
                .filter(Objects::nonNull).max(Comparable::compareTo).orElse(subscriber.subscribedAt);
    }
}
