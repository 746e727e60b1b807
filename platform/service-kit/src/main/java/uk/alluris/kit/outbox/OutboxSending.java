package uk.alluris.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Sends one document's pending entries in order, removing each once Kafka has acknowledged it, under the document's
 * claim ({@link OutboxClaims}), so no other replica sends them meanwhile.
 */
final class OutboxSending {

    /** Sends one message and says whether Kafka acknowledged it: the binder's StreamBridge in a service. */
    @FunctionalInterface
    interface Sender {
        boolean send(String topic, Message<byte[]> message);
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxSending.class);
    /** How often one relay call goes back to a document that gained entries while it held the claim. */
    private static final int MAX_ROUNDS_PER_DOCUMENT = 10;

    private final MongoTemplate mongo;
    private final Sender sender;
    private final OutboxParking parking;
    private final String source;
    private final OutboxClaims claims;

    OutboxSending(MongoTemplate mongo, Sender sender, OutboxParking parking, String source, OutboxClaims claims) {
        this.mongo = mongo;
        this.sender = sender;
        this.parking = parking;
        this.source = source;
        this.claims = claims;
    }

    /**
     * Relays one document's pending entries under its claim; while another replica holds the claim, that replica
     * sends them. After releasing, it looks once more: an entry saved while the claim was held, whose own wake-up
     * found the document claimed, is sent now rather than at the next sweep (it was saved before the release, so this
     * read sees it). Entries that could not be sent (broker down) stay for the sweep, and so do the ones behind them.
     */
    int relay(String collection, Object id) {
        int sent = 0;
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS_PER_DOCUMENT && claims.claim(collection, id); round++) {
            try {
                Document current = mongo.findById(id, Document.class, collection);
                if (current == null) {
                    return sent;
                }
                messageIds(current).forEach(seen::add);
                sent += send(current, collection);
            } finally {
                claims.release(collection, id);
            }
            Query pendingOnly = new Query(where("_id").is(id));
            pendingOnly.fields().include(OutboxOwner.FIELD + ".messageId");
            List<String> waiting = messageIds(mongo.findOne(pendingOnly, Document.class, collection));
            // go back only for entries that are all new: one left from this round could not be sent (broker down)
            if (waiting.isEmpty() || waiting.stream().anyMatch(seen::contains)) {
                return sent;
            }
        }
        return sent;
    }

    private static List<String> messageIds(Document document) {
        List<Document> pending = document == null ? null : document.getList(OutboxOwner.FIELD, Document.class);
        return pending == null ? List.of() : pending.stream().map(entry -> entry.getString("messageId")).toList();
    }

    /**
     * Sends the entries of a document this relay has claimed. An entry Kafka refuses for what it is goes to the
     * {@link OutboxParking} after bounded attempts and the ones behind it go on; a failure that may pass (broker down)
     * leaves this document's entries waiting, in order.
     */
    private int send(Document document, String collection) {
        List<Document> pending = document.getList(OutboxOwner.FIELD, Document.class);
        if (pending == null) {
            return 0;
        }
        int sent = 0;
        for (Document stored : pending) {
            try {
                OutboxMessage entry = mongo.getConverter().read(OutboxMessage.class, stored);
                if (!sender.send(entry.topic(), entry.toMessage(source))) {
                    throw new IllegalStateException("Kafka did not acknowledge event " + entry.messageId());
                }
            } catch (RuntimeException failure) {
                if (OutboxParking.refused(failure) && parking.refusedOnce(document, collection, stored, failure)) {
                    continue;
                }
                log.warn("outbox entry {} not sent, will retry: {}", stored.getString("messageId"), failure.toString());
                return sent;
            }
            mongo.updateFirst(new Query(where("_id").is(document.get("_id"))),
                    new Update().pull(OutboxOwner.FIELD, new Document("messageId", stored.getString("messageId"))),
                    collection);
            sent++;
        }
        return sent;
    }
}
