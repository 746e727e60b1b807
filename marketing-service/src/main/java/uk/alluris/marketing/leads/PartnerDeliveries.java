package uk.alluris.marketing.leads;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import uk.alluris.marketing.MarketingProperties;

/**
 * The lead partners configured here and when each last delivered: the newest signed delivery taken (the kit's
 * webhook-delivery keys, kept a day) or, when none is that recent, the newest lead it sent; with its lead counts.
 */
@Component
class PartnerDeliveries {

    /** The kit's {@code WebhookDeliveries} collection: one key per delivery taken, {@code partner:<name>:signed:…}. */
    private static final String DELIVERIES = "webhook_deliveries";

    record Partner(
            @Schema(description = "The partner's name as configured; its webhook is /webhooks/leads/<name>",
                    example = "glow-reviews") String name,
            @Schema(description = "When it last delivered (ISO-8601 instant, UTC); absent when it never has",
                    example = "2026-12-03T10:30:00Z") Instant lastDeliveryAt,
            @Schema(description = "Its leads by outcome: stored, duplicate, dropped-suppressed, dropped-restricted, "
                    + "dropped-no-contact, fetch-failed", example = "{\"stored\": 12, \"duplicate\": 1, "
                    + "\"dropped-suppressed\": 2, \"dropped-restricted\": 0, \"dropped-no-contact\": 0, "
                    + "\"fetch-failed\": 0}") Map<String, Long> leads) {
    }

    private final MongoTemplate mongo;
    private final MarketingProperties properties;
    private final LeadStats stats;

    PartnerDeliveries(MongoTemplate mongo, MarketingProperties properties, LeadStats stats) {
        this.mongo = mongo;
        this.properties = properties;
        this.stats = stats;
    }

    List<Partner> all() {
        Map<String, Map<String, Long>> counts = stats.bySource();
        return properties.partners().keySet().stream().sorted().map(name -> new Partner(name, lastDelivery(name),
                counts.getOrDefault(source(name), Map.of()))).toList();
    }

    private Instant lastDelivery(String name) {
        Document delivery = mongo.findOne(new Query(where("_id").regex("^" + Pattern.quote(source(name) + ":signed:")))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(1), Document.class, DELIVERIES);
        Lead lead = mongo.findOne(new Query(where("source").is(source(name)))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(1), Lead.class);
        Instant delivered = delivery == null || delivery.getDate("receivedAt") == null ? null
                : delivery.getDate("receivedAt").toInstant();
        return Stream.of(delivered, lead == null ? null : lead.receivedAt()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    private static String source(String name) {
        return "partner:" + name;
    }
}
