package uk.alluris.kit.outbox;

import io.swagger.v3.oas.annotations.media.Schema;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Takes out of the way an outbox entry that Kafka refuses for what it is (too large, not serialisable, an invalid
 * topic), so the entries behind it go on: after {@code maxAttempts} refusals it moves, with its reason, to the
 * {@value #COLLECTION} collection, where staff see it ({@link ParkedOutboxController}) and the
 * {@value #PARKED_METRIC} gauge counts it. A failure that may pass (the broker is down, a timeout) is never a reason to
 * park: the entry waits, so an outage does not empty every outbox into the car park.
 */
public class OutboxParking {

    public static final String COLLECTION = "outbox_parked";
    static final String PARKED_METRIC = "alluris.outbox.parked";
    static final String PARKINGS_METRIC = "alluris.outbox.parkings";

    private static final Logger log = LoggerFactory.getLogger(OutboxParking.class);

    /** One parked entry; the payload stays (events carry no plaintext personal data) so it can be sent again. */
    @Schema(description = "An outbox entry Kafka refused for what it is, taken out of the way; never its payload")
    public record ParkedEntry(
            @Schema(description = "the event's id, as it would have been sent", example = "0b6f2d4e-8c1a-4f3e-9d27-5a8e1c3b7f90")
            String messageId,
            @Schema(description = "the collection of the document whose outbox held it", example = "appointments")
            String collection,
            @Schema(description = "the id of that document", example = "6650c1e2a4b5c6d7e8f90123") String documentId,
            @Schema(description = "the Kafka topic it was for", example = "privacy.receipts") String topic,
            @Schema(description = "the event's CloudEvents type", example = "uk.alluris.privacy.ReceiptIssued.v1")
            String type,
            @Schema(description = "why Kafka refused it (the root cause's class and message)",
                    example = "RecordTooLargeException: The message is 1048712 bytes when serialized")
            String reason,
            @Schema(description = "how many times it was refused before it was parked", example = "3") int attempts,
            @Schema(description = "the size of its payload in characters", example = "1048576") int payloadBytes,
            @Schema(description = "when it was parked", example = "2026-11-30T09:12:44Z") java.time.Instant parkedAt) {
    }

    private final MongoTemplate mongo;
    private final int maxAttempts;
    private final Clock clock;
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Counter parkedTotal;

    public OutboxParking(MongoTemplate mongo, int maxAttempts, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        // not "alluris.outbox.parked.total": Prometheus names that counter alluris_outbox_parked_total under the
        // family alluris_outbox_parked, the gauge's name, and drops whichever registers second
        this.parkedTotal = Counter.builder(PARKINGS_METRIC)
                .description("outbox entries parked since start because Kafka refused them").register(meters);
        Gauge.builder(PARKED_METRIC, this, OutboxParking::count)
                .description("outbox entries parked, waiting for staff").register(meters);
    }

    /** Whether Kafka (or the mapping) refused the entry for what it is, as opposed to a failure that may pass. */
    static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof SerializationException || cause instanceof ApiException
                    || cause instanceof org.springframework.core.convert.ConversionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records one refusal of an entry; once it has been refused {@code maxAttempts} times it is parked and pulled from
     * its document's outbox. Returns whether it was parked (then the entries behind it go on).
     */
    boolean refusedOnce(Document document, String collection, Document entry, Throwable failure) {
        String messageId = entry.getString("messageId");
        int attempts = refusals.merge(messageId, 1, Integer::sum);
        if (attempts < maxAttempts) {
            return false;
        }
        String payload = entry.getString("payload");
        Document parked = new Document("_id", messageId).append("collection", collection)
                .append("documentId", String.valueOf(document.get("_id"))).append("topic", entry.getString("topic"))
                .append("type", entry.getString("type")).append("key", entry.getString("key"))
                .append("reason", reason(failure)).append("attempts", attempts)
                .append("payloadBytes", payload == null ? 0 : payload.length()).append("payload", payload)
                .append("parkedAt", clock.instant());
        mongo.upsert(new Query(where("_id").is(messageId)), Update.fromDocument(parked), COLLECTION);
        mongo.updateFirst(new Query(where("_id").is(document.get("_id"))),
                new Update().pull(OutboxOwner.FIELD, new Document("messageId", messageId)), collection);
        refusals.remove(messageId);
        parkedTotal.increment();
        log.error("outbox entry {} ({}) parked after {} refusals: {}", messageId, entry.getString("type"), attempts,
                reason(failure));
        return true;
    }

    /** The parked entries, newest first, without their payloads. */
    public List<ParkedEntry> page(int page, int size) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "parkedAt")).skip((long) page * size).limit(size);
        query.fields().exclude("payload");
        return mongo.find(query, Document.class, COLLECTION).stream().map(parked -> new ParkedEntry(
                parked.getString("_id"), parked.getString("collection"), parked.getString("documentId"),
                parked.getString("topic"), parked.getString("type"), parked.getString("reason"),
                parked.getInteger("attempts", 0), parked.getInteger("payloadBytes", 0),
                parked.getDate("parkedAt").toInstant())).toList();
    }

    public long count() {
        return mongo.estimatedCount(COLLECTION);
    }

    /** The innermost cause's class and message: Kafka's own words, which name sizes and limits, never payloads. */
    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        String reason = root.getClass().getSimpleName() + message;
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }
}
