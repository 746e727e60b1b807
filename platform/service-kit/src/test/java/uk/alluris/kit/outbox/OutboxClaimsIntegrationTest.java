package uk.alluris.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import uk.alluris.testsupport.AdjustableClock;
import uk.alluris.testsupport.EmbeddedInfrastructure;

/**
 * Two replicas' relays (each its own client of one store, as two pods are) over the same outboxes: each entry goes
 * out once, in order per document, and a replica that died holding a claim delays its document only until the
 * claim expires. What Kafka would receive is recorded by each relay's sender; the claims are the real store's.
 */
class OutboxClaimsIntegrationTest {

    private static final Duration CLAIM_FOR = Duration.ofSeconds(30);
    private final String database = EmbeddedInfrastructure.freshDatabaseName("outbox-claims");
    private final MongoClient firstClient = MongoClients.create(EmbeddedInfrastructure.get().mongoUri());
    private final MongoClient secondClient = MongoClients.create(EmbeddedInfrastructure.get().mongoUri());
    private final MongoTemplate first = store(firstClient);
    private final MongoTemplate second = store(secondClient);
    /** Every send, as "replica:messageId", in the order Kafka would have received them. */
    private final List<String> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        firstClient.close();
        secondClient.close();
    }

    @Test
    void twoReplicasSweepingTheSameOutboxesAtOnceSendEachEntryExactlyOnceAndEachDocumentsEntriesInOrder()
            throws Exception {
        for (int document = 0; document < 12; document++) {
            first.save(new Shipment("s" + document, 3));
        }
        OutboxRelay a = replica("a", first, Clock.systemUTC(), null);
        OutboxRelay b = replica("b", second, Clock.systemUTC(), null);

        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> sweepUntilEmpty(a));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> sweepUntilEmpty(b));
        onA.get(60, TimeUnit.SECONDS);
        onB.get(60, TimeUnit.SECONDS);

        List<String> messageIds = sent.stream().map(send -> send.substring(2)).toList();
        assertThat(messageIds).hasSize(36).doesNotHaveDuplicates();
        for (int document = 0; document < 12; document++) {
            String prefix = "s" + document + "-";
            assertThat(messageIds.stream().filter(id -> id.startsWith(prefix)))
                    .containsExactly(prefix + 1, prefix + 2, prefix + 3);
        }
        assertThat(first.getCollection(OutboxClaims.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void whileOneReplicaHoldsADocumentTheOtherSendsNoneOfItAndAnEntryAddedMeanwhileGoesOutWithoutWaitingForASweep()
            throws Exception {
        first.save(new Shipment("held", 2));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        OutboxRelay a = replica("a", first, Clock.systemUTC(), () -> {
            sending.countDown();
            await(proceed);
        });
        OutboxRelay b = replica("b", second, Clock.systemUTC(), null);

        CompletableFuture<Integer> onA = CompletableFuture.supplyAsync(a::relayPending);
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        // the other replica saves a third event to the document while a holds it; its own relay finds it claimed
        second.updateFirst(new Query(where("_id").is("held")),
                new Update().push(OutboxOwner.FIELD, second.getConverter().convertToMongoType(entry("held-3"))),
                Shipment.COLLECTION);
        assertThat(b.relayPending()).isZero();
        proceed.countDown();

        assertThat(onA.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(sent).containsExactly("a:held-1", "a:held-2", "a:held-3");
        assertThat(b.relayPending()).isZero();
    }

    @Test
    void aDocumentClaimedByAReplicaThatDiedIsRelayedByAnotherOnceTheClaimHasExpiredAndNotBefore() {
        first.save(new Shipment("orphaned", 2));
        AdjustableClock clock = new AdjustableClock();
        OutboxClaims diedWhileRelaying = new OutboxClaims(first, clock, CLAIM_FOR, "replica-that-died");
        assertThat(diedWhileRelaying.claim(Shipment.COLLECTION, "orphaned")).isTrue();
        OutboxRelay b = replica("b", second, clock, null);

        assertThat(b.relayPending()).isZero();
        clock.advance(CLAIM_FOR.minusSeconds(1));
        assertThat(b.relayPending()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.relayPending()).isEqualTo(2);

        assertThat(sent).containsExactly("b:orphaned-1", "b:orphaned-2");
        assertThat(diedWhileRelaying.claim(Shipment.COLLECTION, "orphaned")).as("released, free again").isTrue();
    }

    @Test
    void aReplicaThatCannotReachKafkaTriesTheDocumentOnceAndReleasesItSoAnotherNeedNotWaitForTheClaimToExpire() {
        first.save(new Shipment("stuck", 2));
        List<String> attempts = new CopyOnWriteArrayList<>();
        OutboxRelay cut = replicaSendingThrough("a", first, Clock.systemUTC(), (topic, message) -> {
            attempts.add(CloudEventMessageUtils.getId(message));
            throw new TimeoutException("no broker within the delivery timeout");
        });

        assertThat(cut.relayPending()).isZero();
        assertThat(attempts).containsExactly("stuck-1");
        assertThat(replica("b", second, Clock.systemUTC(), null).relayPending()).isEqualTo(2);
        assertThat(sent).containsExactly("b:stuck-1", "b:stuck-2");
    }

    private OutboxRelay replica(String name, MongoTemplate store, Clock clock, Runnable whileSending) {
        return replicaSendingThrough(name, store, clock, (topic, message) -> {
            if (whileSending != null && sent.isEmpty()) {
                whileSending.run();
            }
            sent.add(name + ":" + CloudEventMessageUtils.getId(message));
            return true;
        });
    }

    private OutboxRelay replicaSendingThrough(String name, MongoTemplate store, Clock clock,
            OutboxSending.Sender sender) {
        store.getConverter().getMappingContext().getPersistentEntity(Shipment.class);
        OutboxParking parking = new OutboxParking(store, 3, clock, new SimpleMeterRegistry());
        return new OutboxRelay(store, sender, new OutboxProperties(null, null, null, null, CLAIM_FOR), "kit-test",
                parking, new OutboxClaims(store, clock, CLAIM_FOR, "replica-" + name));
    }

    private void sweepUntilEmpty(OutboxRelay relay) {
        Instant deadline = Instant.now().plusSeconds(50);
        while (first.exists(new Query(where(OutboxOwner.FIELD + ".0").exists(true)), Shipment.COLLECTION)) {
            assertThat(Instant.now()).isBefore(deadline);
            relay.relayPending();
        }
    }

    private MongoTemplate store(MongoClient client) {
        return new MongoTemplate(client, database);
    }

    private static OutboxMessage entry(String messageId) {
        return new OutboxMessage(messageId, "booking.events", "subject", "uk.alluris.test.v1", "{}", Instant.now(),
                null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @org.springframework.data.mongodb.core.mapping.Document(Shipment.COLLECTION)
    static class Shipment implements OutboxOwner {

        static final String COLLECTION = "shipments";

        @org.springframework.data.annotation.Id
        String id;
        List<OutboxMessage> outbox = new ArrayList<>();

        Shipment(String id, int events) {
            this.id = id;
            for (int event = 1; event <= events; event++) {
                outbox.add(entry(id + "-" + event));
            }
        }

        @Override
        public List<OutboxMessage> outbox() {
            return outbox;
        }
    }
}
