package uk.alluris.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import uk.alluris.kit.metrics.Sampled;

/**
 * How far the relay is behind, for Prometheus: {@value #BACKLOG_METRIC} counts the documents whose events still wait
 * to go to Kafka, {@value #OLDEST_METRIC} is how long the oldest waiting event has waited (0 when none waits). A
 * healthy relay keeps both near zero; a broker outage makes both grow, a jam behind one document makes the age grow
 * while the backlog stays small (docs/observability.md, alerts OutboxBacklogGrowing and OutboxEventStuck).
 */
class OutboxGauges {

    static final String BACKLOG_METRIC = "alluris.outbox.backlog";
    static final String OLDEST_METRIC = "alluris.outbox.oldest.age";
    private static final String OCCURRED_AT = OutboxOwner.FIELD + ".occurredAt";

    record Backlog(long documents, Duration oldest) {
    }

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Sampled<Backlog> backlog;

    OutboxGauges(MongoTemplate mongo, OutboxRelay relay, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.backlog = Sampled.every(Duration.ofSeconds(5), this::read);
        Gauge.builder(BACKLOG_METRIC, backlog, sample -> sample.get().documents())
                .description("documents whose events wait in their outbox to be relayed to Kafka").register(meters);
        Gauge.builder(OLDEST_METRIC, backlog, sample -> sample.get().oldest().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("how long the oldest event waiting in an outbox has waited").register(meters);
    }

    Backlog read() {
        long documents = 0;
        Instant oldest = null;
        for (String collection : relay.collections()) {
            Query waiting = new Query(where(OutboxOwner.FIELD + ".0").exists(true));
            documents += mongo.count(waiting, collection);
            Query first = new Query(where(OutboxOwner.FIELD + ".0").exists(true)).with(Sort.by(OCCURRED_AT)).limit(1);
            first.fields().include(OCCURRED_AT);
            for (Document document : mongo.find(first, Document.class, collection)) {
                Instant earliest = earliest(document.getList(OutboxOwner.FIELD, Document.class));
                if (earliest != null && (oldest == null || earliest.isBefore(oldest))) {
                    oldest = earliest;
                }
            }
        }
        Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
        return new Backlog(documents, age.isNegative() ? Duration.ZERO : age);
    }

    private static Instant earliest(List<Document> entries) {
        return entries == null ? null : entries.stream()
                .map(entry -> entry.get("occurredAt"))
                .map(value -> value instanceof Date date ? date.toInstant() : null)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
    }
}
