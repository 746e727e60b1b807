package uk.alluris.marketing.campaigns;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which instance drives which campaign: a lease in the campaign's own document, taken by an atomic findAndModify on a
 * campaign still {@code SENDING} whose lease is absent or expired. The holder renews it before each person; an instance
 * that dies stops renewing, and once the lease runs out any instance takes the campaign over and finishes it. Replicas
 * therefore need no lock service of their own (the campaign is the lock).
 */
@Component
class CampaignLeases {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    /** This instance, as named in the leases it holds. */
    private final String me = "marketing-" + UUID.randomUUID();

    CampaignLeases(MongoTemplate mongo, Clock clock,
            @Value("${alluris.marketing.campaigns.lease:60s}") Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    Duration duration() {
        return lease;
    }

    /** The oldest campaign that is sending and driven by nobody, now leased to this instance. */
    Optional<Campaign> takeDue() {
        Instant now = clock.instant();
        Query due = new Query(where("status").is(Campaign.Status.SENDING)
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(now)))
                .with(Sort.by("createdAt"));
        return Optional.ofNullable(mongo.findAndModify(due,
                new Update().set("leaseOwner", me).set("leaseUntil", now.plus(lease)),
                FindAndModifyOptions.options().returnNew(true), Campaign.class));
    }

    /** Extends this instance's lease; false when it has lost it (expired and taken over, or the campaign is done). */
    boolean renew(UUID campaignId) {
        return mongo.updateFirst(held(campaignId), new Update().set("leaseUntil", clock.instant().plus(lease)),
                Campaign.class).getMatchedCount() == 1;
    }

    /** Marks the campaign sent with its final counts, if this instance still holds it. */
    boolean complete(UUID campaignId, CampaignProgress.Counts counts) {
        return mongo.updateFirst(held(campaignId), new Update().set("status", Campaign.Status.SENT)
                .set("completedAt", clock.instant()).set("total", counts.handled()).set("sent", counts.sent())
                .set("failed", counts.failed()).set("skipped", byName(counts.skipped()))
                .unset("leaseOwner").unset("leaseUntil"), Campaign.class).getMatchedCount() == 1;
    }

    private static Map<String, Integer> byName(Map<CampaignSend.Reason, Integer> skipped) {
        Map<String, Integer> named = new LinkedHashMap<>();
        skipped.forEach((reason, count) -> named.put(reason.name(), count));
        return named;
    }

    private Query held(UUID campaignId) {
        return new Query(Criteria.where("_id").is(campaignId).and("leaseOwner").is(me)
                .and("status").is(Campaign.Status.SENDING));
    }
}
