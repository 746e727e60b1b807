package uk.alluris.marketing.leads;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How leads fared, per source ({@code meta-lead-ads}, {@code partner:<name>}): stored, repeated deliveries, dropped
 * (by reason: suppressed, restricted, no contact) and given up. Kept in the service's own store (so the counts
 * survive restarts and are the same on every instance) and as the Micrometer counter {@code alluris.marketing.leads}
 * (tags {@code source}, {@code outcome}). Counts only: never who.
 */
@Component
class LeadStats {

    static final String COLLECTION = "lead_stats";
    static final String METER = "alluris.marketing.leads";

    /** What happened to one delivered lead. */
    public enum Outcome {
        STORED("stored"), DUPLICATE("duplicate"), DROPPED_SUPPRESSED("dropped-suppressed"),
        DROPPED_RESTRICTED("dropped-restricted"), DROPPED_NO_CONTACT("dropped-no-contact"),
        FETCH_FAILED("fetch-failed");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        static Outcome droppedFor(Lead.DropReason reason) {
            switch (reason) {
                case SUPPRESSED:
                    return DROPPED_SUPPRESSED;
                case RESTRICTED:
                    return DROPPED_RESTRICTED;
                default:
                    return DROPPED_NO_CONTACT;
            }
        }
    }

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    LeadStats(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    void count(String source, Outcome outcome) {
        mongo.upsert(new Query(where("_id").is(source)), new Update().inc(outcome.tag(), 1L), COLLECTION);
        Counter.builder(METER).description("leads received, by source and what became of them")
                .tag("source", source).tag("outcome", outcome.tag()).register(meters).increment();
    }

    /** Every source's counts, by outcome; sources in name order. */
    public Map<String, Map<String, Long>> bySource() {
        Map<String, Map<String, Long>> all = new TreeMap<>();
        for (Document document : mongo.findAll(Document.class, COLLECTION)) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                Object value = document.get(outcome.tag());
                counts.put(outcome.tag(), value instanceof Number number ? number.longValue() : 0L);
            }
            all.put(document.getString("_id"), counts);
        }
        return all;
    }
}
