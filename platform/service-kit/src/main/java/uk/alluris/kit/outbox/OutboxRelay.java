package uk.alluris.kit.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Relays pending outbox entries to Kafka, at least once and in order per document: an entry is removed only after
 * Kafka acknowledged it (the producer is synchronous), so a crash in between sends it again and consumers, being
 * idempotent, ignore the repeat. With several replicas, each document is relayed under a claim ({@link OutboxClaims})
 * that one replica at a time holds, so two replicas never send the same entry (the wake-up after a save and the sweep
 * alike); only a replica that dies after Kafka's acknowledgement and before the entry's removal causes a repeat.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final OutboxProperties properties;
    private final OutboxSending sending;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final Queue<SavedDocument> saved = new ConcurrentLinkedQueue<>();

    private record SavedDocument(String collection, Object id) {
    }
    private volatile ScheduledExecutorService executor;
    /** What the periodic sweep runs through: by default nothing; with replicas, a lock (kit scheduling). */
    private volatile BiFunction<Runnable, Duration, Runnable> sweepGuard = (sweep, interval) -> sweep;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, OutboxProperties properties, String applicationName,
            OutboxParking parking) {
        this(mongo, bridge::send, properties, applicationName, parking, new OutboxClaims(mongo, Clock.systemUTC(),
                properties.claimFor(), applicationName + "/" + UUID.randomUUID()));
    }

    OutboxRelay(MongoTemplate mongo, OutboxSending.Sender sender, OutboxProperties properties, String applicationName,
            OutboxParking parking, OutboxClaims claims) {
        this.mongo = mongo;
        this.properties = properties;
        this.sending = new OutboxSending(mongo, sender, parking, "/alluris/" + applicationName, claims);
    }

    /** Sweeps every outbox collection and relays whatever is pending; returns how many entries went out. */
    public synchronized int relayPending() {
        int sent = relaySaved();
        for (String collection : collections()) {
            Query pending = new Query(where(OutboxOwner.FIELD + ".0").exists(true)).limit(properties.batchSize());
            pending.fields().include("_id");
            for (Document document : mongo.find(pending, Document.class, collection)) {
                sent += sending.relay(collection, document.get("_id"));
            }
        }
        return sent;
    }

    /** Relays the documents saved since the last round, each read by its id: no collection scan. */
    private synchronized int relaySaved() {
        int sent = 0;
        Set<SavedDocument> batch = new LinkedHashSet<>();
        for (SavedDocument next = saved.poll(); next != null; next = saved.poll()) {
            batch.add(next);
        }
        for (SavedDocument document : batch) {
            sent += sending.relay(document.collection(), document.id());
        }
        return sent;
    }

    /**
     * Every collection whose documents carry an outbox. Read afresh each round: an aggregate the kit itself defines
     * (a privacy receipt) joins the mapping context only when first used.
     */
    List<String> collections() {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
            .filter(entity -> OutboxOwner.class.isAssignableFrom(entity.getType()))
            .map(MongoPersistentEntity::getCollection)
            .distinct()
            .toList();
    }

    /**
     * Relays one saved document soon rather than at the next sweep: called after an aggregate with pending events is
     * saved, so its events leave in milliseconds, read by id. Wake-ups while a round is queued coalesce into it; the
     * periodic sweep stays as the safety net (a crash between save and relay, a write that bypassed the events).
     */
    public void wake(String collection, Object id) {
        saved.add(new SavedDocument(collection, id));
        ScheduledExecutorService running = executor;
        if (running != null && woken.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    woken.set(false);
                    try {
                        relaySaved();
                    } catch (RuntimeException e) {
                        // the sweep finds these documents again
                        log.warn("outbox relay of saved documents failed, the sweep will retry: {}", e.toString());
                    }
                });
            } catch (RejectedExecutionException stopping) {
                woken.set(false);
            }
        }
    }

    private void relaySafely() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            // Kafka or the store is unreachable: everything stays pending and the next round tries again.
            log.warn("outbox relay round failed, will retry: {}", e.toString());
        }
    }

    /**
     * Runs each periodic sweep through the guard, e.g. so that one replica at a time sweeps; the wake-up after a
     * save stays unguarded (it relays the documents this replica saved, at once).
     */
    public void guardSweepsWith(BiFunction<Runnable, Duration, Runnable> guard) {
        this.sweepGuard = guard;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        Duration interval = properties.pollInterval();
        executor.scheduleWithFixedDelay(sweepGuard.apply(this::relaySafely, interval), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
